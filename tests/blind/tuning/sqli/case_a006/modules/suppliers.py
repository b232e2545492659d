from flask import jsonify, request

from .db import query


def init(app):
    def suppliers():
        country = request.args.get("country", "DE")
        rows = query("SELECT id, name FROM suppliers WHERE country = %(c)s", {"c": country})
        return jsonify(dict(rows))

    app.add_url_rule("/suppliers", "suppliers", suppliers)
