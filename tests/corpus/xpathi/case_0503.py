import urllib.parse

from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)
ROLES = {"administrators": "admin", "employees": "staff"}


def perform(entry):
    role = ROLES.get(entry, "staff")
    return jsonify(found=len(ROOT.xpath(f"//user[@role='{role}']")))


@app.route("/status/search")
def render_page():
    parsed_qs = urllib.parse.parse_qs(request.query_string.decode())
    raw = parsed_qs.get("id", [""])[0]
    options = {}
    options["current"] = raw
    entry = options.get("current", "")
    return perform(entry)
