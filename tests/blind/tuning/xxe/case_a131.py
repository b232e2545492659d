from xml.dom import pulldom
from xml.sax import make_parser
from xml.sax.handler import feature_external_ges

from flask import Flask, jsonify, request

app = Flask(__name__)


def xml_parser():
    parser = make_parser()
    parser.setFeature(feature_external_ges, True)
    return parser


@app.route("/contacts/import", methods=["POST"])
def import_contacts():
    payload = request.form.get("xml", "")
    events = pulldom.parseString(payload, parser=xml_parser())
    names = []
    for event, node in events:
        if event == pulldom.START_ELEMENT and node.tagName == "contact":
            events.expandNode(node)
            names.append(node.getAttribute("name") or node.textContent.strip())
    return jsonify(names=names)
