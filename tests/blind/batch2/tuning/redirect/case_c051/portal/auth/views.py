from flask import Blueprint, abort, redirect, request, session
from werkzeug.security import check_password_hash

from .helpers import pop_return_to, remember_return_to

auth_bp = Blueprint("auth", __name__)
USERS = {}


@auth_bp.route("/login", methods=["GET"])
def login_form():
    remember_return_to(request.args.get("return_to"))
    return "<form method=post>...</form>"


@auth_bp.route("/login", methods=["POST"])
def login_submit():
    stored = USERS.get(request.form.get("username", ""))
    if stored is None or not check_password_hash(stored, request.form.get("password", "")):
        abort(401)
    session["user"] = request.form["username"]
    return redirect(pop_return_to())
