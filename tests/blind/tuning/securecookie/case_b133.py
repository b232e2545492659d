import secrets

from flask import Flask, jsonify, request

app = Flask(__name__)
SESSIONS = {}


def _attach(resp, name, value, **extra):
    resp.set_cookie(name, value, httponly=True, **extra)
    return resp


@app.route("/api/session", methods=["POST"])
def open_session():
    user = (request.get_json() or {}).get("user", "anon")
    sid = secrets.token_hex(16)
    SESSIONS[sid] = user
    return _attach(jsonify(user=user), "api_session", sid, samesite="Strict", max_age=900)
