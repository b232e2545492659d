import uuid

from flask import Flask, make_response, request

app = Flask(__name__)

SESSIONS = {}


@app.route("/login", methods=["POST"])
def login():
    user = request.form.get("user", "")
    if not user:
        return "missing user", 400
    sid = uuid.uuid1().hex
    SESSIONS[sid] = user
    resp = make_response("welcome")
    resp.set_cookie("sid", sid, secure=True, httponly=True, samesite="Lax")
    return resp
