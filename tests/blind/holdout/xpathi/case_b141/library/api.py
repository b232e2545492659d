from flask import Blueprint, abort, current_app, jsonify, request

from .repository import BookRepository

api = Blueprint("api", __name__)


@api.get("/books/lookup")
def lookup():
    repo = BookRepository(current_app.config["CATALOG_XML"])
    book = repo.by_isbn(request.args.get("isbn", "").strip())
    if book is None:
        abort(404)
    return jsonify(title=book.findtext("title"), price=book.findtext("price"))
