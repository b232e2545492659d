from lxml import etree

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
public_bp = Blueprint("public", __name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


@public_bp.route("/hooks", methods=["POST", "PUT"])
def render_page():
    req_value = request.data.decode("utf-8", "replace")
    subject = req_value
    emails = ROOT.xpath('//user[@name="' + subject + '"]/@email')
    return jsonify(emails=[str(e) for e in emails])


app.register_blueprint(public_bp, url_prefix="/public")
