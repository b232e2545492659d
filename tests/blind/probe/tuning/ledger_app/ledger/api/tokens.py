"""Token issuing and client bootstrap config."""
import base64
import binascii
import pickle
import secrets

from flask import jsonify, request

from . import bp
from .auth import json_body
from ..models import ApiToken, User, db

DEFAULT_CLIENT = {"platform": "web", "version": "1.0"}
FEATURES = {"web": ["dashboard", "exports"], "ios": ["receipt-scan", "offline"],
            "android": ["receipt-scan"]}


@bp.post("/token")
def issue_token():
    body = json_body()
    username, password = body.get("username"), body.get("password")
    if not isinstance(username, str) or not isinstance(password, str):
        return jsonify(error="Bad Request", detail="username and password are required"), 400
    user = db.session.execute(db.select(User).filter_by(username=username)).scalar_one_or_none()
    if user is None or not user.check_password(password):
        return jsonify(error="Unauthorized", detail="Invalid credentials"), 401
    token = ApiToken(user_id=user.id, token=secrets.token_hex(24), label=body.get("label", "api")[:40]
                     if isinstance(body.get("label"), str) else "api")
    db.session.add(token)
    db.session.commit()
    return jsonify(token=token.token, token_type="Bearer", user=user.to_dict()), 201


@bp.get("/client/config")
def client_config():
    """Mobile clients send their saved state (a pickled dict, base64) in X-Ledger-Client."""
    state = dict(DEFAULT_CLIENT)
    raw = request.headers.get("X-Ledger-Client")
    if raw:
        try:
            decoded = pickle.loads(base64.b64decode(raw))
        except (binascii.Error, pickle.UnpicklingError, EOFError, ValueError) as exc:
            return jsonify(error="Bad Request", detail=f"Unreadable client state: {exc}"), 400
        if isinstance(decoded, dict):
            state.update({str(k): v if isinstance(v, (str, int, float, bool)) else repr(v)[:200]
                          for k, v in decoded.items()})
        else:
            state["raw"] = repr(decoded)[:200]
    platform = str(state.get("platform", "web"))
    return jsonify(client=state, features=FEATURES.get(platform, []),
                   api="v1", min_version="1.0")
