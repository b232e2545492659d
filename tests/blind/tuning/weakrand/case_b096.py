import random
import secrets

from flask import Flask, jsonify, session

app = Flask(__name__)
app.secret_key = "csrf"

LEGACY_TOKENS = False


def new_csrf_token():
    if LEGACY_TOKENS:
        return "%x" % random.getrandbits(64)
    return secrets.token_hex(16)


@app.route("/form/token")
def form_token():
    token = new_csrf_token()
    session["csrf_token"] = token
    return jsonify(csrf_token=token)
