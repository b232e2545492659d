from lxml import etree

from flask import Flask, abort, jsonify, request

from corpuslib.text import normalize

app = Flask(__name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


def handle_value(entry):
    if entry not in ("admin", "staff"):
        abort(400)
    return jsonify(found=len(ROOT.xpath("//user[@role='" + entry + "']")))


def load():
    client_value = request.headers.get("X-Item-Name", "")
    entry = normalize(client_value)
    return handle_value(entry)


app.add_url_rule("/lookup", view_func=load)
