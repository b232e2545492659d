"""Bearer-token authentication for the API."""
from functools import wraps

from flask import abort, g, jsonify, request

from ..models import ApiToken, User, db


def current_api_user():
    return g.api_user


def token_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        scheme, _, value = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            return jsonify(error="Unauthorized", detail="Bearer token required"), 401
        token = db.session.execute(
            db.select(ApiToken).filter_by(token=value.strip())).scalar_one_or_none()
        if token is None:
            return jsonify(error="Unauthorized", detail="Unknown token"), 401
        g.api_user = db.session.get(User, token.user_id)
        return view(*args, **kwargs)
    return wrapper


def admin_required(view):
    @wraps(view)
    @token_required
    def wrapper(*args, **kwargs):
        if not g.api_user.is_admin:
            abort(403)
        return view(*args, **kwargs)
    return wrapper


def json_body():
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        abort(400, "Expected a JSON object body")
    return data
