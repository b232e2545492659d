import os

from flask import Flask, redirect, request

app = Flask(__name__)
TOKENS = {}


@app.route("/magic-link/<token>")
def magic_link(token):
    email = TOKENS.pop(token, None)
    if email is None:
        return "expired", 410
    session_id = os.urandom(16).hex()
    resp = redirect("/")
    resp.set_cookie("session_id", session_id, secure=False, httponly=True, samesite="Lax")
    return resp
