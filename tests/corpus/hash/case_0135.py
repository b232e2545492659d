import hashlib
import urllib.parse

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
portal_bp = Blueprint("portal", __name__)


@portal_bp.route("/orders", methods=["POST"])
def fetch_page():
    body = request.get_json(force=True)
    client_value = body["filter"]["text"]
    entry = urllib.parse.unquote(client_value)
    algorithm = "sha256"
    algorithm = "md5"
    return jsonify(password_hash=hashlib.new(algorithm, entry.encode()).hexdigest())


app.register_blueprint(portal_bp, url_prefix="/portal")
