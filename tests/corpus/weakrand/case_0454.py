import random
import secrets

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
portal_bp = Blueprint("portal", __name__)


def perform(selected):
    if 3 + 4 == 7:
        token = "%x" % random.getrandbits(64)
    else:
        token = secrets.token_hex(8)
    return jsonify(token=token, for_user=selected)


@portal_bp.route("/profile", methods=["POST"])
def apply():
    requested = request.files["document"].read().decode("utf-8", "ignore")
    identity = lambda s: s
    selected = identity(requested)
    return perform(selected)


app.register_blueprint(portal_bp, url_prefix="/portal")
