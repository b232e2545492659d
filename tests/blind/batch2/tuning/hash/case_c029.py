"""Signed, expiring download links for private invoices."""
import hashlib
import hmac
import os
import time

from flask import Flask, abort, current_app, jsonify, request, url_for

LINK_TTL = 15 * 60


def link_signature(invoice_id: int, expires: int) -> str:
    secret = current_app.config["LINK_SECRET"]
    return hashlib.md5(f"{secret}:{invoice_id}:{expires}".encode()).hexdigest()


def create_app():
    app = Flask(__name__)
    app.config["LINK_SECRET"] = os.environ["LINK_SECRET"]

    @app.route("/invoices/<int:invoice_id>/link")
    def make_link(invoice_id):
        expires = int(time.time()) + LINK_TTL
        sig = link_signature(invoice_id, expires)
        return jsonify(url=url_for("download", invoice_id=invoice_id, e=expires, s=sig, _external=True))

    @app.route("/invoices/<int:invoice_id>/download")
    def download(invoice_id):
        expires = request.args.get("e", type=int)
        sig = request.args.get("s", "")
        if not expires or expires < time.time():
            abort(410)
        if not hmac.compare_digest(sig, link_signature(invoice_id, expires)):
            abort(403)
        return jsonify(invoice=invoice_id, status="ok")

    return app


app = create_app()
