import xml.sax
from xml.dom import pulldom
from xml.sax.handler import feature_external_ges

from flask import Flask, jsonify, request

app = Flask(__name__)


class Worker:
    def execute(self, field):
        parser = xml.sax.make_parser()
        parser.setFeature(feature_external_ges, True)
        events = pulldom.parseString(field, parser=parser)
        names = [node.tagName for event, node in events if event == pulldom.START_ELEMENT]
        return jsonify(elements=names)


@app.get("/status/preview")
def run_task():
    supplied = ""
    for key in request.args:
        if request.args.get(key) == "on":
            supplied = key
            break

    def current():
        return supplied

    field = current()
    return Worker().execute(field)
