import hashlib
import time

from flask import Flask, request

app = Flask(__name__)
PENDING = {}


@app.route("/account/reset", methods=["POST"])
def request_reset():
    email = request.form["email"].strip().lower()
    token = hashlib.sha1(f"{email}{time.time()}".encode()).hexdigest()
    PENDING[token] = email
    app.logger.info("reset link for %s: /account/reset/%s", email, token)
    return {"status": "If the account exists, a link was sent."}
