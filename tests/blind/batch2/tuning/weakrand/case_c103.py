"""Admin 'generate temporary password' endpoint using the OS CSPRNG."""
import os
import random
import string

from flask import Flask, abort, jsonify, request
from werkzeug.security import generate_password_hash

ALPHABET = string.ascii_letters + string.digits + "-_!@#%"
_sysrand = random.SystemRandom()

ACCOUNTS: dict[str, str] = {}

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


def temporary_password(length=16):
    return "".join(_sysrand.choice(ALPHABET) for _ in range(length))


@app.route("/admin/users/<username>/temp-password", methods=["POST"])
def reset_to_temp(username):
    if username not in ACCOUNTS:
        abort(404)
    length = max(12, min(request.form.get("length", 16, type=int), 64))
    password = temporary_password(length)
    ACCOUNTS[username] = generate_password_hash(password)
    return jsonify(temporary_password=password)
