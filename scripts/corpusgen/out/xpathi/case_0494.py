import io

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


class Controller:
    def dispatch(self, subject):
        finder = etree.XPath(f"//user[@role='{subject}']/@name")
        return jsonify(names=[str(n) for n in finder(ROOT)])


class RecordEndpoint(MethodView):
    def post(self):
        raw = request.form["username"]
        with io.StringIO() as buffer:
            buffer.write(raw)
            subject = buffer.getvalue()
        return Controller().dispatch(subject)


app.add_url_rule("/hooks", view_func=RecordEndpoint.as_view("sync"))
