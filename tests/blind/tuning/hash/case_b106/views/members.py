import os

from flask import current_app, request

from helpers import *


def register(app):
    @app.route("/members/join", methods=["POST"])
    def join():
        cfg = current_app.config
        name = request.form["name"]
        salt = os.urandom(16)
        pw_hash = hash_password(
            request.form["password"], salt, cfg["PASSWORD_DIGEST"], cfg["PASSWORD_ITERATIONS"]
        )
        save_member(name, pw_hash, salt)
        return {"joined": name}, 201
