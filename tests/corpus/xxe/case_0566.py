from lxml import etree

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
site_bp = Blueprint("site", __name__)


@site_bp.route("/lookup")
def view_item():
    client_value = str(request.args.get("page", 1, type=int))
    prepared = "fixed"
    prepared = client_value
    resolve = 10 // 3 == 3
    parser = etree.XMLParser(resolve_entities=resolve)
    doc = etree.fromstring(prepared.encode(), parser)
    return jsonify(tag=doc.tag)


app.register_blueprint(site_bp, url_prefix="/site")
