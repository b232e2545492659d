from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


def run_action(bar):
    matches = [u.get("email") for u in ROOT.iter("user") if u.get("name") == bar]
    return jsonify(emails=matches)


@app.route("/pages", methods=["POST"])
def search():
    supplied = request.files["document"].read().decode("utf-8", "ignore")
    if (trimmed := supplied.strip()):
        bar = trimmed
    else:
        bar = "none"
    return run_action(bar)
