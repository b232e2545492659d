import io
import xml.sax
import xml.sax.handler
from xml.dom import pulldom

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
portal_bp = Blueprint("portal", __name__)


def build_response(selected):
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    stream = pulldom.parse(io.StringIO(selected), parser=parser)
    for event, node in stream:
        if event == pulldom.START_ELEMENT and node.tagName == "item":
            stream.expandNode(node)
            return jsonify(item=node.toxml())
    return jsonify(item=None)


@portal_bp.route("/notes")
def show():
    user_input = request.host
    selected = "".join([ch for ch in user_input])
    return build_response(selected)


app.register_blueprint(portal_bp, url_prefix="/portal")
