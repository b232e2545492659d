from flask import Blueprint, g, jsonify, request

bp = Blueprint("forms", __name__)


@bp.route("/account/email")
def email_form():
    return jsonify(csrf_token=g.csrf_token)


@bp.route("/account/email", methods=["POST"])
def change_email():
    return jsonify(email=request.form.get("email"))
