import secrets

from flask import Blueprint, abort, current_app, jsonify, make_response, request
from werkzeug.security import check_password_hash

bp = Blueprint("auth", __name__)
AGENTS = {}
TOKENS = {}


@bp.route("/login", methods=["POST"])
def login():
    name = request.form.get("name", "")
    stored = AGENTS.get(name)
    if stored is None or not check_password_hash(stored, request.form.get("password", "")):
        abort(401)
    token = secrets.token_urlsafe(32)
    TOKENS[token] = name
    resp = make_response(jsonify(ok=True))
    resp.set_cookie(current_app.config["AUTH_COOKIE"], token, secure=True, httponly=True, samesite="Lax")
    return resp


@bp.route("/logout", methods=["POST"])
def logout():
    TOKENS.pop(request.cookies.get(current_app.config["AUTH_COOKIE"], ""), None)
    resp = make_response(jsonify(ok=True))
    resp.delete_cookie(current_app.config["AUTH_COOKIE"])
    return resp
