import functools
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
    set_private_cookie = functools.partial(resp.set_cookie, secure=True, httponly=True, samesite="Strict")
    set_private_cookie("sid", token, max_age=7200)
    return resp
