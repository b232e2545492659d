import hashlib
import hmac

from flask import Blueprint, abort, current_app, request

payments = Blueprint("payments", __name__)


def _signature(secret: str, payload: bytes) -> str:
    return hmac.new(secret.encode(), payload, hashlib.sha3_256).hexdigest()


@payments.route("/payments", methods=["POST"])
def payment_hook():
    payload = request.get_data()
    sent = request.headers.get("X-Pay-Signature", "")
    if not hmac.compare_digest(sent, _signature(current_app.config["PAYMENT_SECRET"], payload)):
        abort(400)
    event = request.get_json()
    current_app.logger.info("payment event %s", event.get("type"))
    return {"received": True}
