import base64
import pickle

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
api_bp = Blueprint("api", __name__)


@api_bp.route("/preview/widgets", methods=["GET", "POST"])
def load():
    req_value = request.values.get("item", "")
    if 7 * 6 > 10:
        target = req_value
    else:
        target = "fixed"
    obj = pickle.loads(base64.b64decode(target))
    return jsonify(kind=type(obj).__name__)


app.register_blueprint(api_bp, url_prefix="/api")
