"""Password reset flow for the volunteer portal."""
import os
import random
import string
import time

from flask import Flask, abort, current_app, jsonify, request

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_LENGTH = 40

_pending: dict[str, tuple[str, float]] = {}


def make_reset_token(length=TOKEN_LENGTH):
    return "".join(random.choices(TOKEN_ALPHABET, k=length))


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    app.config["RESET_TTL"] = 1800

    @app.route("/password/forgot", methods=["POST"])
    def forgot():
        email = request.form.get("email", "").strip().lower()
        if not email:
            abort(400)
        token = make_reset_token()
        _pending[token] = (email, time.time() + current_app.config["RESET_TTL"])
        current_app.logger.info("reset requested for %s", email)
        # send_mail(email, url_for("reset", token=token, _external=True))
        return jsonify(sent=True), 202

    @app.route("/password/reset/<token>", methods=["POST"])
    def reset(token):
        email, expires = _pending.pop(token, (None, 0))
        if email is None or expires < time.time():
            abort(404)
        return jsonify(email=email, ok=True)

    return app


app = create_app()
