from lxml import etree

from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)


def tidy_text(text):
    return text.replace("\t", " ").strip()


USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


class RecordEndpoint(MethodView):
    def get(self):
        if "prefs" not in request.cookies:
            return "missing cookie", 400
        user_input = request.cookies["prefs"]
        chosen = tidy_text(user_input)

        def perform(chosen):
            evaluator = etree.XPathElementEvaluator(ROOT)
            nodes = evaluator(f"user[@email='{chosen}']")
            return jsonify(found=len(nodes))

        return perform(chosen)


app.add_url_rule("/items", view_func=RecordEndpoint.as_view("index_view"))
