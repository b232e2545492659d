from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


def finish(bar):
    finder = etree.XPath("//user[@role=$role]/@name")
    return jsonify(names=[str(n) for n in finder(ROOT, role=bar)])


@app.route("/orders/catalog", methods=["POST"])
def browse():
    body = request.get_json(force=True)
    param = body["filter"]["text"]
    bar = "%s" % (param,)
    return finish(bar)
