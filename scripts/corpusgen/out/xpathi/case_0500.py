import html

from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


def index_view():
    incoming = request.cookies.get("last_item", "")
    pieces = []
    for piece in incoming.split(","):
        pieces.append(piece)
    prepared = ",".join(pieces)
    nodes = ROOT.xpath("//user[@id=" + html.escape(prepared) + "]")
    return jsonify(found=len(nodes))


app.add_url_rule("/search/profile", view_func=index_view)
