import string

from lxml import etree

from flask import Blueprint, Flask, jsonify

app = Flask(__name__)
portal_bp = Blueprint("portal", __name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


def perform(target):
    result = ROOT.xpath(target)
    return jsonify(result=str(result))


@portal_bp.route("/preview/<raw>")
def resolve_item(raw):
    target = string.Template("$x").substitute(x=raw)
    return perform(target)


app.register_blueprint(portal_bp, url_prefix="/portal")
