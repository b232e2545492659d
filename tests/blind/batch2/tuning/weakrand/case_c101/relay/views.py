import secrets

from flask import Blueprint, current_app, jsonify, request

from .http import post_with_retry

bp = Blueprint("relay", __name__)


@bp.route("/relay/orders", methods=["POST"])
def relay_order():
    payload = request.get_json(force=True)
    idempotency_key = secrets.token_hex(16)
    resp = post_with_retry(
        current_app.config["UPSTREAM"] + "/orders",
        {"order": payload, "idempotency_key": idempotency_key},
        current_app.config["MAX_RETRIES"],
    )
    return jsonify(status=resp.status_code, request_id=idempotency_key)
