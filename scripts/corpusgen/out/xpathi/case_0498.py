from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


@app.route("/pages")
def details():
    tags = request.args.getlist("tag")
    req_value = tags[0] if tags else ""
    chosen = "{}".format(req_value)
    finder = etree.XPath(f"//user[@role='{chosen}']/@name")
    return jsonify(names=[str(n) for n in finder(ROOT)])
