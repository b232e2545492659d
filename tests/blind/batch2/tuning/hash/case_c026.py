"""File store with content-addressed ETags; accounts use werkzeug hashing."""
import hashlib
import os

from flask import Flask, abort, current_app, jsonify, request, send_file
from werkzeug.security import check_password_hash, generate_password_hash

USERS = {}


def etag_for(path):
    digest = hashlib.md5()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(65536), b""):
            digest.update(chunk)
    return digest.hexdigest()


def create_app():
    app = Flask(__name__)
    app.config["ASSET_DIR"] = os.environ.get("ASSET_DIR", "/srv/assets")

    @app.route("/signup", methods=["POST"])
    def signup():
        name = request.form["username"]
        USERS[name] = generate_password_hash(request.form["password"])
        return jsonify(created=name), 201

    @app.route("/login", methods=["POST"])
    def login():
        stored = USERS.get(request.form.get("username", ""))
        if not stored or not check_password_hash(stored, request.form.get("password", "")):
            abort(401)
        return jsonify(ok=True)

    @app.route("/assets/logo")
    def logo():
        path = os.path.join(current_app.config["ASSET_DIR"], "logo.png")
        tag = etag_for(path)
        if request.if_none_match.contains(tag):
            return "", 304
        resp = send_file(path)
        resp.set_etag(tag)
        return resp

    return app


app = create_app()
