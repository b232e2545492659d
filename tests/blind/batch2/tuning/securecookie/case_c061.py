"""Developer console: browser login plus an API-key cookie for the JS client."""
import os
import secrets

from flask import Flask, abort, jsonify, make_response, request
from werkzeug.security import check_password_hash

DEVELOPERS = {}
API_KEYS = {}

app = Flask(__name__)
app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], SESSION_COOKIE_SECURE=True)


def _issue_api_key(dev):
    key = "dk_" + secrets.token_hex(24)
    API_KEYS[key] = dev
    return key


@app.route("/console/login", methods=["POST"])
def login():
    dev = request.form.get("login", "")
    stored = DEVELOPERS.get(dev)
    if stored is None or not check_password_hash(stored, request.form.get("password", "")):
        abort(401)
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("console_user", dev, secure=True, samesite="Lax")
    if request.form.get("client") == "js":
        # the JS SDK reads this value and sends it as a bearer token
        resp.set_cookie("api_key", _issue_api_key(dev), max_age=86400, samesite="Lax")
    else:
        resp.set_cookie("api_key", _issue_api_key(dev), max_age=86400, secure=True, httponly=True, samesite="Lax")
    return resp
