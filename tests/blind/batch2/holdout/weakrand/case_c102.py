"""Email-based second factor for the admin console."""
import os
import random
import time

from flask import Flask, abort, jsonify, request, session

OTP_TTL = 300
_codes: dict[str, dict] = {}  # pending user -> {"code", "exp"}

app = Flask(__name__)
app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], SESSION_COOKIE_SECURE=True)


class OneTimeCode:
    def __init__(self, digits=6):
        self.digits = digits

    def generate(self):
        return str(random.randint(10 ** (self.digits - 1), 10**self.digits - 1))


@app.route("/2fa/send", methods=["POST"])
def send_code():
    if "pending_user" not in session:
        abort(401)
    code = OneTimeCode().generate()
    _codes[session["pending_user"]] = {"code": code, "exp": time.time() + OTP_TTL}
    # mailer.send(session["pending_user"], f"Your code is {code}")
    return jsonify(sent=True)


@app.route("/2fa/verify", methods=["POST"])
def verify_code():
    pending = session.get("pending_user")
    otp = _codes.get(pending) or {}
    if otp.get("exp", 0) < time.time() or request.form.get("code") != otp.get("code"):
        abort(403)
    _codes.pop(pending, None)
    session["user"] = session.pop("pending_user")
    return jsonify(ok=True)
