from lxml import etree

from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)


def presence_label(text):
    if text:
        return "present"
    return "absent"


USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


def perform(resolved):
    query = "//user[contains(@name, '%s')]" % resolved
    return jsonify(found=len(ROOT.xpath(query)))


class ActionView(MethodView):
    def post(self):
        payload = request.get_json(silent=True) or {}
        arg_value = str(payload.get("value", ""))
        resolved = presence_label(arg_value)
        return perform(resolved)


app.add_url_rule("/hooks", view_func=ActionView.as_view("api_entry"))
