from flask import Blueprint, abort, redirect, request, session
from werkzeug.security import check_password_hash

from .db import get_db

bp = Blueprint("auth", __name__, url_prefix="/auth")


@bp.route("/login", methods=["POST"])
def login():
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    user = get_db().execute(
        "SELECT id, password_hash, is_admin FROM users WHERE username = ?", (username,)
    ).fetchone()
    if user is None or not check_password_hash(user["password_hash"], password):
        abort(401)
    session.clear()
    session["user_id"] = user["id"]
    session["is_admin"] = bool(user["is_admin"])
    return redirect("/")
