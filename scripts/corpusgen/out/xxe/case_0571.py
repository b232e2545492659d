from lxml import etree

from flask import Blueprint, Flask, Response, request

app = Flask(__name__)
backoffice_bp = Blueprint("backoffice", __name__)

TEMPLATE_XML = b"<order><name/><status>new</status></order>"


@backoffice_bp.route("/media", methods=["GET", "POST"])
def api_entry():
    req_value = request.values.get("item", "")
    values = ["safe", req_value, "moresafe"]
    values.pop(0)
    selected = values[0]
    parser = etree.XMLParser(resolve_entities=True)
    doc = etree.fromstring(TEMPLATE_XML, parser)
    doc.find("name").text = selected
    return Response(etree.tostring(doc), mimetype="application/xml")


app.register_blueprint(backoffice_bp, url_prefix="/backoffice")
