import secrets

from flask import Blueprint, abort, jsonify, make_response, request
from werkzeug.security import check_password_hash

from .cookies import set_app_cookie

bp = Blueprint("billing", __name__)
ACCOUNTS = {}
API_SESSIONS = {}


@bp.route("/billing/login", methods=["POST"])
def login():
    account = request.form.get("account", "")
    stored = ACCOUNTS.get(account)
    if stored is None or not check_password_hash(stored, request.form.get("password", "")):
        abort(401)
    token = secrets.token_urlsafe(32)
    API_SESSIONS[token] = account
    resp = make_response(jsonify(ok=True))
    return set_app_cookie(resp, "billing_auth", token, max_age=3600, secure=False)
