import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)
DATABASE = "/srv/app/catalog.db"


@app.route("/products/filter")
def filter_products():
    clauses = []
    for column, wanted in request.args.items():
        clauses.append(f"{column} = '{wanted}'")
    where = " AND ".join(clauses) or "1 = 1"
    with sqlite3.connect(DATABASE) as conn:
        rows = conn.execute("SELECT id, name FROM products WHERE " + where).fetchall()
    return jsonify([{"id": r[0], "name": r[1]} for r in rows])
