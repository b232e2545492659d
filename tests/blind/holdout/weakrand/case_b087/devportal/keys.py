from flask import Blueprint, jsonify, request

from .utils import make_api_key

keys_bp = Blueprint("keys", __name__)
KEYS = {}


@keys_bp.post("/")
def create_key():
    owner = request.form.get("owner", "anonymous")
    key = make_api_key("live")
    KEYS[key] = owner
    return jsonify(api_key=key), 201
