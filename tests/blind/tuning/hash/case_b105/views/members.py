import os

from flask import request

from helpers import *


def register(app):
    @app.route("/members/join", methods=["POST"])
    def join():
        name = request.form["name"]
        salt = os.urandom(8).hex()
        save_member(name, hash_password(request.form["password"], salt), salt)
        return {"joined": name}, 201
