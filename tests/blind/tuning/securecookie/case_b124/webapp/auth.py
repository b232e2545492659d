import secrets

from flask import Blueprint, current_app, jsonify, request

auth = Blueprint("auth", __name__)
TOKENS = {}


@auth.post("/auth/login")
def login():
    cfg = current_app.config
    token = secrets.token_urlsafe(32)
    TOKENS[token] = request.form.get("user")
    resp = jsonify(ok=True)
    resp.set_cookie(
        cfg["AUTH_COOKIE_NAME"],
        token,
        secure=cfg["AUTH_COOKIE_SECURE"],
        httponly=cfg["AUTH_COOKIE_HTTPONLY"],
        samesite=cfg["AUTH_COOKIE_SAMESITE"],
    )
    return resp
