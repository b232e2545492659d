from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


def process_value(selected):
    nodes = ROOT.xpath(f"//user[@id={int(selected)}]")
    return jsonify(found=len(nodes))


@app.route("/preview")
def export():
    supplied = request.environ.get("HTTP_X_TENANT", "default")
    selected = f"{supplied}"
    return process_value(selected)
