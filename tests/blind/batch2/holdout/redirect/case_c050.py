"""Login with a conservative local-redirect check for ?next=."""
import os

from flask import Flask, abort, redirect, request, session, url_for
from werkzeug.security import check_password_hash

USERS = {}


def is_local_path(target: str | None) -> bool:
    if not target or "\\" in target:
        return False
    if not target.startswith("/") or target.startswith("//"):
        return False
    return all(ch.isprintable() and not ch.isspace() for ch in target)


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
        target = request.args.get("next")
        if not is_local_path(target):
            target = url_for("index")
        return redirect(target)

    return app


app = create_app()
