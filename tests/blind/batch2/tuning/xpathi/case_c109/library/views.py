from flask import Blueprint, abort, current_app, jsonify, request

from .catalog import QUERIES

bp = Blueprint("library", __name__)


@bp.route("/books/search")
def search():
    field = request.args.get("by", "title")
    if field not in QUERIES:
        abort(400)
    return jsonify(current_app.extensions["catalog"].search(field, request.args.get("q", "")))
