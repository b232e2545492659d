from flask import Blueprint, abort, jsonify, request

from .repository import ProductRepository

bp = Blueprint("catalog", __name__)


@bp.route("/categories/<int:category_id>/products")
def products(category_id):
    page = request.args.get("page", 1, type=int)
    sort = request.args.get("sort", "name")
    try:
        rows = ProductRepository().list(category_id, sort=sort, page=max(page, 1))
    except ValueError:
        abort(400)
    return jsonify([dict(r) for r in rows])
