import hashlib

from flask import Blueprint, abort, current_app, jsonify, request

from . import tokens

bp = Blueprint("account", __name__)


def gravatar_url(email: str, size: int = 80) -> str:
    digest = hashlib.md5(email.strip().lower().encode()).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}?s={size}&d=identicon"


@bp.route("/profile/avatar")
def avatar():
    email = request.args.get("email", "")
    return jsonify(url=gravatar_url(email, int(request.args.get("s", 80))))


@bp.route("/password/forgot", methods=["POST"])
def forgot():
    email = request.form.get("email", "")
    token = tokens.issue(email, current_app.config["RESET_TOKEN_TTL"])
    current_app.logger.info("queued reset mail for %s", email)
    # mailer.send(email, token)  -- out of scope here
    del token
    return jsonify(sent=True), 202


@bp.route("/password/reset", methods=["POST"])
def reset():
    if not tokens.redeem(request.form.get("email", ""), request.form.get("token", "")):
        abort(403)
    return jsonify(ok=True)
