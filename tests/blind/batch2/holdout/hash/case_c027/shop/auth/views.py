from flask import Blueprint, abort, jsonify, request

from .passwords import hash_password, verify_password
from .store import Account, accounts

auth_bp = Blueprint("auth", __name__)


@auth_bp.route("/register", methods=["POST"])
def register():
    data = request.get_json(force=True)
    email, password = data.get("email"), data.get("password")
    if not email or not password or len(password) < 10:
        abort(400)
    accounts.add(Account(email=email, password_hash=hash_password(password)))
    return jsonify(ok=True), 201


@auth_bp.route("/login", methods=["POST"])
def login():
    data = request.get_json(force=True)
    account = accounts.find(data.get("email", ""))
    if account is None or not verify_password(data.get("password", ""), account.password_hash):
        abort(401)
    return jsonify(ok=True)
