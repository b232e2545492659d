"""'Remember me' support for the members area."""
import os
import secrets
from datetime import timedelta

from flask import Flask, abort, jsonify, make_response, request
from werkzeug.security import check_password_hash

REMEMBER_FOR = timedelta(days=30)
USERS = {}
REMEMBER_TOKENS = {}


def create_app():
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=os.environ["SECRET_KEY"],
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_HTTPONLY=True,
    )

    @app.route("/login", methods=["POST"])
    def login():
        username = request.form.get("username", "")
        stored = USERS.get(username)
        if stored is None or not check_password_hash(stored, request.form.get("password", "")):
            abort(401)
        resp = make_response(jsonify(ok=True))
        if request.form.get("remember") == "on":
            token = secrets.token_urlsafe(32)
            REMEMBER_TOKENS[token] = username
            resp.set_cookie(
                "remember_token",
                token,
                max_age=int(REMEMBER_FOR.total_seconds()),
                httponly=True,
                samesite="Lax",
            )
        return resp

    return app


app = create_app()
