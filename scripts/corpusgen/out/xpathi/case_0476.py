import urllib.parse

from lxml import etree

from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


class EntryAPI(MethodView):
    def get(self):
        given = request.host
        field = urllib.parse.unquote(given)

        def carry_out(field):
            tree = etree.ElementTree(ROOT)
            nodes = tree.xpath("//user[@id=%s]" % field)
            return jsonify(found=len(nodes))

        return carry_out(field)


app.add_url_rule("/files", view_func=EntryAPI.as_view("open_item"))
