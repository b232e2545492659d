import io
import xml.sax
import xml.sax.handler
from xml.dom import pulldom

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
site_bp = Blueprint("site", __name__)


@site_bp.route("/admin", methods=["POST"])
def browse():
    body = request.get_json(force=True)
    param = body["filter"]["text"]
    num = 106
    resolved = param if (7 * 18) + num > 200 else "fixed_value"
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    stream = pulldom.parse(io.StringIO(resolved), parser=parser)
    for event, node in stream:
        if event == pulldom.START_ELEMENT and node.tagName == "item":
            stream.expandNode(node)
            return jsonify(item=node.toxml())
    return jsonify(item=None)


app.register_blueprint(site_bp, url_prefix="/site")
