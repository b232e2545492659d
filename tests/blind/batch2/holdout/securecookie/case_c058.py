"""API gateway login that hands the browser an opaque session token."""
import os
import secrets

from flask import Flask, abort, jsonify, make_response, request
from werkzeug.security import check_password_hash

SESSIONS = {}
USERS = {}

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.route("/auth/login", methods=["POST"])
def login():
    creds = request.get_json(force=True)
    stored = USERS.get(creds.get("user", ""))
    if stored is None or not check_password_hash(stored, creds.get("password", "")):
        abort(401)
    token = secrets.token_urlsafe(32)
    SESSIONS[token] = creds["user"]
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("session_token", token, secure=True, httponly=True, samesite="Strict", max_age=8 * 3600)
    return resp
