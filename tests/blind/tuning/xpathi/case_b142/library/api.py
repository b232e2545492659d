from flask import abort, jsonify, request

from .repository import BookRepository


def init(app):
    repo = BookRepository(app.config["CATALOG_XML"])

    @app.get("/api/books/lookup")
    def lookup():
        book = repo.by_isbn(request.args.get("isbn", "").strip())
        if book is None:
            abort(404)
        return jsonify(title=book.findtext("title"), price=book.findtext("price"))
