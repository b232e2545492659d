"""Paginated article listing (PostgreSQL via psycopg2)."""
import os

import psycopg2
import psycopg2.extras
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
app.config["DSN"] = os.environ.get("DATABASE_URL", "dbname=blog")

PAGE_SIZE = 20


def fetch(sql):
    with psycopg2.connect(app.config["DSN"]) as conn:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(sql)
            return cur.fetchall()


@app.route("/articles")
def articles():
    page = request.args.get("page", "1")
    category = request.args.get("category", "general")
    if not page.isdigit():
        abort(400)
    offset = (int(page) - 1) * PAGE_SIZE
    sql = (
        "SELECT id, title, published_at FROM articles "
        "WHERE category = '%s' ORDER BY published_at DESC LIMIT %d OFFSET %d" % (category, PAGE_SIZE, offset)
    )
    return jsonify(fetch(sql))
