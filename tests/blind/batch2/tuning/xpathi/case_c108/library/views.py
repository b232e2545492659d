from flask import Blueprint, current_app, jsonify, request

bp = Blueprint("library", __name__)


@bp.route("/books")
def books():
    author = request.args.get("author", "")
    return jsonify(current_app.extensions["catalog"].by_author(author))
