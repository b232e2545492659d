from flask import Blueprint, abort, redirect, request, session
from werkzeug.security import check_password_hash

from .navigation import after_login_url

bp = Blueprint("portal", __name__)
USERS = {}  # filled from the user database at startup


@bp.route("/")
def dashboard():
    return "dashboard"


@bp.route("/billing")
def billing():
    return "billing"


@bp.route("/settings")
def settings():
    return "settings"


@bp.route("/login", methods=["POST"])
def login():
    username = request.form.get("username", "")
    stored = USERS.get(username)
    if stored is None or not check_password_hash(stored, request.form.get("password", "")):
        abort(401)
    session["user"] = username
    return redirect(after_login_url(request.args.get("next")))
