import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)


def where_clauses(args):
    for key, value in args.items():
        if key in ("page", "per_page"):
            continue
        yield f"{key} = '{value}'"


@app.route("/events")
def events():
    clauses = list(where_clauses(request.args))
    sql = "SELECT id, name, venue, starts_at FROM events"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    page = request.args.get("page", 1, type=int)
    sql += " LIMIT 20 OFFSET %d" % ((page - 1) * 20)
    conn = sqlite3.connect("events.db")
    rows = conn.execute(sql).fetchall()
    conn.close()
    return jsonify(rows)
