"""Login and locale selection; session values come from the server side."""
import functools
import os

from flask import Flask, abort, jsonify, request, session
from werkzeug.security import check_password_hash

SUPPORTED_LOCALES = frozenset({"en", "de", "fr", "es"})


class UserRecord:
    def __init__(self, id, email, password_hash, role):
        self.id, self.email, self.password_hash, self.role = id, email, password_hash, role


USERS_BY_EMAIL: dict[str, UserRecord] = {}


def login_required(view):
    @functools.wraps(view)
    def wrapped(*a, **kw):
        if "user_id" not in session:
            abort(401)
        return view(*a, **kw)

    return wrapped


def create_app():
    app = Flask(__name__)
    app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], SESSION_COOKIE_SECURE=True)

    @app.route("/login", methods=["POST"])
    def login():
        user = USERS_BY_EMAIL.get(request.form.get("email", "").lower())
        if user is None or not check_password_hash(user.password_hash, request.form.get("password", "")):
            abort(401)
        session.clear()
        session["user_id"] = user.id
        session["role"] = user.role
        return jsonify(ok=True)

    @app.route("/locale", methods=["POST"])
    @login_required
    def set_locale():
        locale = request.form.get("locale", "en")
        if locale not in SUPPORTED_LOCALES:
            abort(400)
        session["locale"] = locale
        return jsonify(locale=locale)

    return app


app = create_app()
