"""Generic filtered listing for the admin grid."""
import os
import sqlite3

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
DB_PATH = os.environ.get("ADMIN_DB", "admin.db")

FILTERABLE = {"status", "country", "plan"}


def build_where(filters):
    clauses = []
    for item in filters:
        column = item.get("field")
        if column not in FILTERABLE:
            continue
        op = "!=" if item.get("negate") else "="
        clauses.append(f"{column} {op} '{item.get('value', '')}'")
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


@app.route("/admin/accounts/query", methods=["POST"])
def query_accounts():
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(400)
    filters = body.get("filters", [])
    sql = "SELECT id, email, status, country, plan FROM accounts" + build_where(filters) + " LIMIT 500"
    with sqlite3.connect(DB_PATH) as conn:
        cur = conn.execute(sql)
        cols = [c[0] for c in cur.description]
        return jsonify([dict(zip(cols, row)) for row in cur.fetchall()])
