from flask import Blueprint, flash, redirect, request, session

from ..urls import internal_path

account_bp = Blueprint("account", __name__)


@account_bp.route("/")
def index():
    return "hello"


@account_bp.route("/account/email", methods=["POST"])
def change_email():
    session["email"] = "pending"
    flash("Check your inbox to confirm the change.")
    return redirect(internal_path(request.form.get("return_url")))
