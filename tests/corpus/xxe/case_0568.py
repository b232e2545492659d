import xml.sax
from xml.dom import pulldom
from xml.sax.handler import feature_external_ges

from flask import Flask, jsonify

app = Flask(__name__)


class TextOps:
    def keep(self, text):
        return text

    def blank(self, text):
        return "placeholder"


@app.route("/tools/<path:requested>")
def lookup(requested):
    value = getattr(TextOps(), "blank")(requested)
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    events = pulldom.parseString(value, parser=parser)
    names = [node.tagName for event, node in events if event == pulldom.START_ELEMENT]
    return jsonify(elements=names)
