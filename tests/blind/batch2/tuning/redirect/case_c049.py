"""Session login for the customer portal."""
import os

from flask import Flask, abort, redirect, request, session, url_for
from werkzeug.security import check_password_hash

USERS = {}  # username -> password hash, populated by the admin CLI


def create_app():
    app = Flask(__name__)
    app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], SESSION_COOKIE_SECURE=True)

    @app.route("/")
    def index():
        return "portal home"

    @app.route("/login", methods=["POST"])
    def login():
        username = request.form.get("username", "")
        stored = USERS.get(username)
        if stored is None or not check_password_hash(stored, request.form.get("password", "")):
            abort(401)
        session.clear()
        session["user"] = username
        next_url = request.args.get("next") or url_for("index")
        return redirect(next_url)

    return app


app = create_app()
