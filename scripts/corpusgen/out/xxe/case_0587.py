import xml.sax
from xml.dom import pulldom
from xml.sax.handler import feature_external_ges

from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)


class Controller:
    def dispatch(self, entry):
        parser = xml.sax.make_parser()
        parser.setFeature(feature_external_ges, False)
        events = pulldom.parseString(entry, parser=parser)
        names = [node.tagName for event, node in events if event == pulldom.START_ELEMENT]
        return jsonify(elements=names)


class ActionView(MethodView):
    def get(self):
        client_value = request.headers.get("X-Item-Name", "")
        if (trimmed := client_value.strip()):
            entry = trimmed
        else:
            entry = "none"
        return Controller().dispatch(entry)


app.add_url_rule("/status", view_func=ActionView.as_view("run_task"))
