from urllib.parse import urlparse

import requests

from flask import Blueprint, Flask, abort, jsonify, request

from corpuslib.registry import formatter_for

app = Flask(__name__)
console_bp = Blueprint("console", __name__)

ALLOWED_HOSTS = {"api.example.com", "cdn.example.com"}


@console_bp.route("/admin/items", methods=["POST"])
def resolve_item():
    incoming = request.json["name"]
    selected = formatter_for("heading")(incoming).render()
    parsed = urlparse(selected)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
        abort(400)
    resp = requests.get(selected, timeout=5)
    return jsonify(status=resp.status_code)


app.register_blueprint(console_bp, url_prefix="/console")
