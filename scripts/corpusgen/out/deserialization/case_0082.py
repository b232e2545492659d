import pickle

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
api_bp = Blueprint("api", __name__)


@api_bp.route("/preview")
def update_item():
    if "prefs" not in request.cookies:
        return "missing cookie", 400
    supplied = request.cookies["prefs"]
    values = ["safe", supplied, "moresafe"]
    values.pop(0)
    selected = values[0]
    copy = pickle.loads(pickle.dumps(selected))
    return jsonify(value=copy)


app.register_blueprint(api_bp, url_prefix="/api")
