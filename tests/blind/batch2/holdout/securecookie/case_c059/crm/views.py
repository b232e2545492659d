from flask import Blueprint, abort, jsonify, request, session
from werkzeug.security import check_password_hash

bp = Blueprint("crm", __name__)
AGENTS = {}


@bp.route("/login", methods=["POST"])
def login():
    email = request.form.get("email", "")
    stored = AGENTS.get(email)
    if stored is None or not check_password_hash(stored, request.form.get("password", "")):
        abort(401)
    session.permanent = True
    session["agent"] = email
    return jsonify(ok=True)


@bp.route("/contacts")
def contacts():
    if "agent" not in session:
        abort(401)
    return jsonify(contacts=[])
