from flask import Blueprint, abort, jsonify, request

from .security import PasswordHasher

bp = Blueprint("members", __name__)
MEMBERS: dict[str, str] = {}


@bp.route("/members", methods=["POST"])
def join():
    form = request.form
    if form.get("password") != form.get("confirm"):
        abort(400)
    MEMBERS[form["email"]] = PasswordHasher.from_app().hash(form["password"])
    return jsonify(ok=True), 201


@bp.route("/members/login", methods=["POST"])
def login():
    stored = MEMBERS.get(request.form.get("email", ""))
    if not stored or not PasswordHasher.from_app().verify(request.form.get("password", ""), stored):
        abort(401)
    return jsonify(ok=True)
