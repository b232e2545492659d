import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
DATABASE = "/var/lib/shop/shop.db"


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DATABASE)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


@app.route("/products/<int:product_id>")
def product(product_id):
    row = get_db().execute(
        "SELECT id, name, price FROM products WHERE id = ?", (product_id,)
    ).fetchone()
    return jsonify(dict(row) if row else {})


@app.route("/products/search")
def search_products():
    category = request.args.get("category", "all")
    rows = get_db().execute(
        f"SELECT id, name, price FROM products WHERE category = '{category}' ORDER BY name"
    ).fetchall()
    return jsonify([dict(r) for r in rows])
