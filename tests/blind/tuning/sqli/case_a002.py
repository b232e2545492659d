import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)

SORT_COLUMNS = {
    "newest": "created_at DESC",
    "oldest": "created_at ASC",
    "title": "title COLLATE NOCASE",
}


def connect():
    conn = sqlite3.connect("blog.sqlite3")
    conn.row_factory = sqlite3.Row
    return conn


@app.get("/posts")
def list_posts():
    sort = request.args.get("sort", "newest")
    order_by = SORT_COLUMNS.get(sort, SORT_COLUMNS["newest"])
    sql = "SELECT id, title, created_at FROM posts WHERE published = 1 ORDER BY " + order_by
    with connect() as conn:
        rows = conn.execute(sql).fetchall()
    return jsonify(posts=[dict(r) for r in rows])
