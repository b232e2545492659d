from flask import Blueprint, jsonify, request

from .services.listing import ListingService

bp = Blueprint("inventory", __name__)


@bp.route("/products")
def products():
    svc = ListingService(
        sort_spec=request.args.get("sort"),
        reverse=request.args.get("desc") == "1",
    )
    return jsonify(products=svc.listing())
