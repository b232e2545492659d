import secrets

from flask import Flask, g, request

app = Flask(__name__)
REMEMBER = {}


@app.route("/login", methods=["POST"])
def login():
    user = request.form.get("user", "")
    if request.form.get("remember") == "on":
        g.remember_token = secrets.token_urlsafe(32)
        REMEMBER[g.remember_token] = user
    return {"user": user}


@app.after_request
def persist_remember_me(resp):
    token = g.pop("remember_token", None)
    if token:
        resp.set_cookie(
            "remember_me", token, max_age=30 * 86400, secure=True, httponly=True, samesite="Lax"
        )
    return resp
