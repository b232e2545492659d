import sqlite3

from flask import Flask, abort, jsonify, request

app = Flask(__name__)


def db():
    return sqlite3.connect("library.db")


@app.route("/books")
def books_by_author():
    author = request.args.get("author", "")
    if "'" in author:
        abort(400, "quotes are not allowed in author names")
    query = "SELECT isbn, title FROM books WHERE author = '" + author + "' ORDER BY title"
    conn = db()
    try:
        rows = conn.execute(query).fetchall()
    finally:
        conn.close()
    return jsonify([{"isbn": i, "title": t} for i, t in rows])
