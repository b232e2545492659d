import html

from lxml import etree

from flask import Flask, jsonify, request
from flask.views import MethodView

from corpuslib.registry import formatter_for

app = Flask(__name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


class ItemView(MethodView):
    def get(self):
        arg_value = request.referrer or ""
        target = formatter_for("label")(arg_value).render()
        nodes = ROOT.xpath("//user[@id=" + html.escape(target) + "]")
        return jsonify(found=len(nodes))


app.add_url_rule("/notes/search", view_func=ItemView.as_view("process"))
