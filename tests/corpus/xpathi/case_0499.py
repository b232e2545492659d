import re

from lxml import etree

from flask import Flask, abort, jsonify, request

app = Flask(__name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


def resolve_item():
    auth = request.authorization
    incoming = auth.username if auth and auth.username else "anonymous"
    lookup = {"keyA": "a_value", "keyB": incoming}
    target = lookup["keyB"]
    if not re.fullmatch(r"[A-Za-z0-9_]{1,32}", target):
        abort(400)
    return jsonify(found=len(ROOT.xpath("//user[@name='%s']" % target)))


app.add_url_rule("/hooks/files", view_func=resolve_item)
