import secrets

from flask import Flask, make_response, request

app = Flask(__name__)
SESSIONS = {}


@app.route("/login", methods=["POST"])
def login():
    user = request.form.get("user", "")
    token = secrets.token_urlsafe(24)
    SESSIONS[token] = user
    resp = make_response({"user": user})
    resp.set_cookie("session_token", token, max_age=3600, secure=True, httponly=True, samesite="Lax")
    return resp
