from flask import Blueprint, jsonify, request

from .state import recall, remember

checkout = Blueprint("checkout", __name__)


@checkout.route("/shipping", methods=["POST"])
def shipping():
    remember("shipping_method", request.args.get("method", "standard"))
    remember("discount_code", request.args.get("coupon"))
    return jsonify(ok=True)


@checkout.route("/summary")
def summary():
    return jsonify(method=recall("shipping_method"), coupon=recall("discount_code"))
