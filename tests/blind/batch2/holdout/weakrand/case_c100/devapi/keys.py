import hashlib

from flask import Blueprint, abort, current_app, jsonify, request, session

from .utils.tokens import generate_api_key

bp = Blueprint("keys", __name__)
KEY_DIGESTS: dict[str, str] = {}


@bp.route("", methods=["POST"])
def create_key():
    owner = session.get("user_id")
    if owner is None:
        abort(401)
    label = request.form.get("label", "default")[:40]
    key = generate_api_key(current_app.config["API_KEY_PREFIX"])
    KEY_DIGESTS[hashlib.sha256(key.encode()).hexdigest()] = f"{owner}:{label}"
    return jsonify(key=key, label=label), 201
