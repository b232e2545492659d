from flask import Blueprint, abort, jsonify, request, session
from werkzeug.security import check_password_hash

api = Blueprint("api", __name__)
USERS = {}


@api.route("/session", methods=["POST"])
def create_session():
    body = request.get_json(force=True)
    stored = USERS.get(body.get("email", ""))
    if stored is None or not check_password_hash(stored, body.get("password", "")):
        abort(401)
    session["uid"] = body["email"]
    return jsonify(ok=True)


@api.route("/me")
def me():
    uid = session.get("uid")
    if uid is None:
        abort(401)
    return jsonify(email=uid)
