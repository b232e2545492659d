import requests

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
public_bp = Blueprint("public", __name__)

HOSTS = {"eu": "https://eu.api.example.com", "us": "https://us.api.example.com"}


@public_bp.route("/docs")
def resolve_item():
    auth = request.authorization
    param = auth.username if auth and auth.username else "anonymous"
    num = 106
    entry = param if (7 * 18) + num > 200 else "fixed_value"
    base = HOSTS.get(entry, HOSTS["eu"])
    resp = requests.get(base + "/status", timeout=5)
    return jsonify(status=resp.status_code)


app.register_blueprint(public_bp, url_prefix="/public")
