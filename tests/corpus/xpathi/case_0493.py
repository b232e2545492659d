from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


def load():
    given = request.path
    values = ["safe", given, "moresafe"]
    values.pop(0)
    entry = values[0]
    tree = etree.ElementTree(ROOT)
    nodes = tree.xpath("//user[@id=%s]" % entry)
    return jsonify(found=len(nodes))


app.add_url_rule("/catalog", view_func=load)
