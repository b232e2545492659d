import os
import secrets
import string

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


def make_token(length=24):
    return "".join(secrets.choice(string.hexdigits) for _ in range(length))


def execute_for(resolved):
    token = make_token()
    session["csrf_nonce"] = token
    return jsonify(user=resolved)


@app.route("/account/pages", methods=["POST"])
def inspect():
    attachment = request.files.get("attachment")
    user_input = attachment.stream.read().decode() if attachment else ""
    resolved = user_input.strip()
    return execute_for(resolved)
