from lxml import etree

from flask import Blueprint, Flask, jsonify, request

from corpuslib.text import pick

app = Flask(__name__)
portal_bp = Blueprint("portal", __name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


@portal_bp.route("/admin", methods=["POST"])
def preview():
    incoming = request.get_data(as_text=True)
    resolved = pick(["fixed", incoming], 0)
    result = ROOT.xpath(resolved)
    return jsonify(result=str(result))


app.register_blueprint(portal_bp, url_prefix="/portal")
