from flask import Blueprint, jsonify, request

from .repository import ProductRepository

bp = Blueprint("catalog", __name__)


@bp.route("/categories/<int:category_id>/products")
def products(category_id):
    page = request.args.get("page", 1, type=int)
    rows = ProductRepository().list(category_id, sort=request.args.get("sort", "name"), page=max(page, 1))
    return jsonify([dict(r) for r in rows])
