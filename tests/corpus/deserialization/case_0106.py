import json

from flask import Blueprint, Flask, jsonify, request

from corpuslib.text import Box

app = Flask(__name__)
portal_bp = Blueprint("portal", __name__)


@portal_bp.route("/preview", methods=["POST"])
def lookup():
    arg_value = request.stream.read().decode("utf-8")
    resolved = Box(arg_value).unwrap()
    obj = json.loads(resolved, object_pairs_hook=dict)
    return jsonify(keys=sorted(obj) if isinstance(obj, dict) else [])


app.register_blueprint(portal_bp, url_prefix="/portal")
