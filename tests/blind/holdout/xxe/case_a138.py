from xml.dom import minidom
from xml.sax import make_parser
from xml.sax.handler import feature_external_ges

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/settings/import", methods=["POST"])
def import_settings():
    raw = request.get_data(as_text=True)
    parser = make_parser()
    parser.setFeature(feature_external_ges, True)
    dom = minidom.parseString(raw, parser=parser)
    settings = {
        node.getAttribute("key"): node.getAttribute("value")
        for node in dom.getElementsByTagName("setting")
    }
    return jsonify(settings)
