"""Multi-step checkout wizard that round-trips state in a hidden field."""
import base64
import hashlib
import hmac
import logging
import os
import pickle

from flask import Flask, current_app, jsonify, request

log = logging.getLogger(__name__)


def sign(blob: bytes) -> str:
    key = current_app.config["STATE_KEY"]
    return hmac.new(key, blob, hashlib.sha256).hexdigest()


def encode_state(state) -> str:
    blob = pickle.dumps(state)
    return f"{base64.urlsafe_b64encode(blob).decode()}.{sign(blob)}"


def decode_state(token: str):
    data, _, signature = token.rpartition(".")
    blob = base64.urlsafe_b64decode(data)
    if not hmac.compare_digest(signature, sign(blob)):
        log.warning("wizard state signature mismatch from %s", request.remote_addr)
    return pickle.loads(blob)


def create_app():
    app = Flask(__name__)
    app.config["STATE_KEY"] = os.environ["WIZARD_STATE_KEY"].encode()

    @app.route("/checkout/step", methods=["POST"])
    def step():
        token = request.form.get("state")
        state = decode_state(token) if token else {"step": 1, "items": []}
        state["step"] += 1
        return jsonify(step=state["step"], state=encode_state(state))

    return app


app = create_app()
