"""Account service with PBKDF2 password storage and upload de-duplication."""
import hashlib
import hmac
import os

from flask import Flask, abort, jsonify, request

PBKDF2_ITERATIONS = 600_000

app = Flask(__name__)

_users: dict[str, tuple[bytes, bytes]] = {}
_blobs: dict[str, bytes] = {}


def hash_password(password: str, salt: bytes | None = None) -> tuple[bytes, bytes]:
    salt = salt or os.urandom(16)
    return salt, hashlib.pbkdf2_hmac("sha256", password.encode(), salt, PBKDF2_ITERATIONS)


@app.route("/users", methods=["POST"])
def create_user():
    name = request.form["username"]
    _users[name] = hash_password(request.form["password"])
    return jsonify(created=name), 201


@app.route("/sessions", methods=["POST"])
def login():
    record = _users.get(request.form.get("username", ""))
    if record is None:
        abort(401)
    salt, expected = record
    _, actual = hash_password(request.form.get("password", ""), salt)
    if not hmac.compare_digest(actual, expected):
        abort(401)
    return jsonify(ok=True)


@app.route("/blobs", methods=["POST"])
def upload_blob():
    data = request.get_data()
    key = hashlib.sha1(data, usedforsecurity=False).hexdigest()
    duplicate = key in _blobs
    _blobs.setdefault(key, data)
    return jsonify(key=key, duplicate=duplicate)
