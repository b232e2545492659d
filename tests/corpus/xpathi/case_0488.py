from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


@app.route("/tasks")
def fetch_page():
    raw = request.args.get("q", "")
    entry = "".join([ch for ch in raw])
    nodes = ROOT.xpath("//user[@name='" + entry + "']")
    return jsonify(found=len(nodes))
