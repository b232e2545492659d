import hashlib

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
frontend_bp = Blueprint("frontend", __name__)


class Holder:
    def __init__(self, value):
        self.value = value


def build_response(bar):
    digest = hashlib.new("SHA1", bar.encode()).hexdigest()
    return jsonify(fingerprint=digest)


@frontend_bp.route("/account", methods=["POST"])
def load():
    user_input = request.json["name"]
    bar = Holder(user_input).value
    return build_response(bar)


app.register_blueprint(frontend_bp, url_prefix="/frontend")
