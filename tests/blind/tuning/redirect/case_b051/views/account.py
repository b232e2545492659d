from flask import flash, request, session

from helpers import *


def register(app):
    @app.route("/")
    def index():
        return "hello %s" % (current_user() or "guest")

    @app.route("/account/email", methods=["POST"])
    def change_email():
        session["email"] = "pending"
        flash("Check your inbox to confirm the change.")
        return go_back(request.form.get("return_url"))
