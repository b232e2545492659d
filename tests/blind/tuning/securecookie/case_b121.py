import secrets

from flask import Flask, jsonify, request

app = Flask(__name__)
AUTH = {}


@app.post("/api/auth")
def authenticate():
    body = request.get_json() or {}
    token = secrets.token_hex(20)
    AUTH[token] = body.get("username")
    resp = jsonify(ok=True)
    resp.set_cookie(
        "auth",
        token,
        secure=True,
        samesite="Lax",
        path="/api",
    )
    return resp
