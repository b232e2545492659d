import secrets
from dataclasses import asdict, dataclass

from flask import Flask, jsonify, request

app = Flask(__name__)
SESSIONS = {}


@dataclass(frozen=True)
class CookiePolicy:
    secure: bool = True
    httponly: bool = True
    samesite: str = "Strict"
    max_age: int = 900


POLICY = CookiePolicy()


@app.route("/api/session", methods=["POST"])
def open_session():
    user = (request.get_json() or {}).get("user", "anon")
    sid = secrets.token_hex(16)
    SESSIONS[sid] = user
    resp = jsonify(user=user)
    resp.set_cookie("api_session", sid, **asdict(POLICY))
    return resp
