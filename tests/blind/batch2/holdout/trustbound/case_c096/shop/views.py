from flask import Blueprint, abort, jsonify, request

from .services.session_store import store

bp = Blueprint("shop", __name__)


@bp.route("/checkout/preferences", methods=["POST"])
def preferences():
    body = request.get_json(force=True)
    store.remember(
        shipping=body.get("shipping", "standard"),
        gift_wrap=bool(body.get("gift_wrap")),
        wholesale=body.get("wholesale", False),
    )
    return jsonify(ok=True)


@bp.route("/checkout/price")
def price():
    base = 100.0
    if store.get("wholesale"):
        base *= 0.6  # wholesale accounts get 40% off
    return jsonify(total=base)


@bp.route("/checkout/confirm", methods=["POST"])
def confirm():
    if store.get("shipping") is None:
        abort(400)
    return jsonify(confirmed=True)
