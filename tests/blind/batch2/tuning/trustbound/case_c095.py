"""Double-submit form nonce: the session only ever holds server randomness."""
import hmac
import os
import secrets

from flask import Flask, abort, jsonify, request, session

app = Flask(__name__)
app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], SESSION_COOKIE_SECURE=True)


@app.route("/transfer/form")
def transfer_form():
    nonce = secrets.token_urlsafe(24)
    session["transfer_nonce"] = nonce
    return jsonify(nonce=nonce)


@app.route("/transfer", methods=["POST"])
def transfer():
    expected = session.pop("transfer_nonce", None)
    supplied = request.form.get("nonce", "")
    if expected is None or not hmac.compare_digest(expected, supplied):
        abort(403)
    amount = request.form.get("amount", type=int)
    if not amount or amount <= 0:
        abort(400)
    return jsonify(queued=True, amount=amount)
