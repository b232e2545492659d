import secrets

from flask import Flask, jsonify, request

app = Flask(__name__)
AUTH = {}

COOKIE_OPTS = {
    "secure": True,
    "httponly": True,
    "samesite": "Strict",
    "path": "/api",
}


@app.post("/api/auth")
def authenticate():
    body = request.get_json() or {}
    token = secrets.token_hex(20)
    AUTH[token] = body.get("username")
    resp = jsonify(ok=True)
    resp.set_cookie("auth", token, **COOKIE_OPTS)
    return resp
