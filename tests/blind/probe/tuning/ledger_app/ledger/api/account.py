"""The caller's own account, plus an admin user listing."""
from flask import jsonify
from sqlalchemy.exc import SQLAlchemyError, StatementError

from . import bp
from .auth import admin_required, current_api_user, json_body, token_required
from ..models import User, db

READ_ONLY = {"id", "password_hash"}


@bp.get("/me")
@token_required
def me():
    return jsonify(current_api_user().to_dict())


@bp.patch("/me")
@token_required
def update_me():
    user = current_api_user()
    body = json_body()
    changed = []
    for key, value in body.items():
        if key in READ_ONLY or key not in User.__table__.columns:
            continue
        setattr(user, key, value)
        changed.append(key)
    try:
        db.session.commit()
    except (StatementError, SQLAlchemyError, TypeError, ValueError) as exc:
        db.session.rollback()
        return jsonify(error="Bad Request", detail=str(exc).splitlines()[0]), 400
    return jsonify(updated=changed, user=user.to_dict())


@bp.get("/admin/users")
@admin_required
def admin_users():
    users = db.session.execute(db.select(User).order_by(User.id)).scalars().all()
    return jsonify(users=[u.to_dict() for u in users])
