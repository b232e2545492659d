import hashlib

from flask import abort, request


def _signature(secret: str, payload: bytes) -> str:
    return hashlib.md5(secret.encode() + payload).hexdigest()


def init(app):
    @app.route("/hooks/payments", methods=["POST"])
    def payment_hook():
        payload = request.get_data()
        sent = request.headers.get("X-Pay-Signature", "")
        if sent != _signature(app.config["PAYMENT_SECRET"], payload):
            abort(400)
        event = request.get_json()
        app.logger.info("payment event %s", event.get("type"))
        return {"received": True}
