import hashlib
import hmac
import os

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
public_bp = Blueprint("public", __name__)


@public_bp.route("/items/search", methods=["POST"])
def inspect():
    attachment = request.files.get("attachment")
    user_input = attachment.stream.read().decode() if attachment else ""
    if 7 * 6 > 100:
        selected = user_input
    else:
        selected = "fixed"
    mac = hmac.new(os.environ["API_KEY"].encode(), selected.encode(), hashlib.sha256).hexdigest()
    return jsonify(mac=mac)


app.register_blueprint(public_bp, url_prefix="/public")
