import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)
DATABASE = "/srv/app/catalog.db"
FILTERABLE = ("name", "colour", "size")


@app.route("/products/filter")
def filter_products():
    clauses, params = [], []
    for column in FILTERABLE:
        if column in request.args:
            clauses.append(f"{column} = ?")
            params.append(request.args[column])
    where = " AND ".join(clauses) or "1 = 1"
    with sqlite3.connect(DATABASE) as conn:
        rows = conn.execute("SELECT id, name FROM products WHERE " + where, params).fetchall()
    return jsonify([{"id": r[0], "name": r[1]} for r in rows])
