import hashlib

from flask import Blueprint, abort, current_app, request, session

bp = Blueprint("accounts", __name__)
USERS = {}


def _hash(pw):
    h = hashlib.new(current_app.config["PASSWORD_HASH"])
    h.update((current_app.config["PASSWORD_PEPPER"] + pw).encode())
    return h.hexdigest()


@bp.post("/signup")
def signup():
    USERS[request.form["user"]] = _hash(request.form["password"])
    return {"ok": True}


@bp.post("/login")
def login():
    user = request.form["user"]
    if USERS.get(user) != _hash(request.form["password"]):
        abort(401)
    session["user"] = user
    return {"ok": True}
