import configparser

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


class ItemView(MethodView):
    def post(self):
        user_input = request.stream.read().decode("utf-8")
        conf = configparser.RawConfigParser()
        conf.add_section("section1")
        conf.set("section1", "keyA", "a_value")
        conf.set("section1", "keyB", user_input)
        target = conf.get("section1", "keyB")
        evaluator = etree.XPathEvaluator(ROOT)
        nodes = evaluator("//user[@name='{}']/@email".format(target))
        return jsonify(emails=[str(n) for n in nodes])


app.add_url_rule("/preview", view_func=ItemView.as_view("apply"))
