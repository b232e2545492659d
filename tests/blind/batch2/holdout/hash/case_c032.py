"""Webhook receiver (HMAC-SHA256) that mirrors payloads to object storage."""
import base64
import hashlib
import hmac
import os

import requests
from flask import Flask, abort, current_app, jsonify, request


def create_app():
    app = Flask(__name__)
    app.config["WEBHOOK_SECRET"] = os.environ["WEBHOOK_SECRET"].encode()
    app.config["ARCHIVE_URL"] = os.environ.get("ARCHIVE_URL", "https://archive.internal.example.com/hooks")

    def verify_signature(body: bytes, header: str) -> bool:
        expected = hmac.new(current_app.config["WEBHOOK_SECRET"], body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(f"sha256={expected}", header or "")

    @app.route("/hooks/payments", methods=["POST"])
    def payments_hook():
        body = request.get_data()
        if not verify_signature(body, request.headers.get("X-Signature-256")):
            abort(401)
        # Content-MD5 is an integrity checksum required by the storage API.
        content_md5 = base64.b64encode(hashlib.md5(body).digest()).decode()
        requests.put(
            current_app.config["ARCHIVE_URL"],
            data=body,
            headers={"Content-MD5": content_md5, "Content-Type": "application/json"},
            timeout=5,
        )
        return jsonify(received=True)

    return app


app = create_app()
