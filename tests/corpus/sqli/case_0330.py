import sqlite3

from flask import Flask, jsonify, request

from corpuslib.text import normalize

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


def handle_value(bar):
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute(f"SELECT * FROM posts ORDER BY id LIMIT {int(bar)}").fetchall()
    return jsonify(count=len(rows))


@app.route("/users")
def download():
    arg_value = request.environ.get("HTTP_X_TENANT", "default")
    bar = normalize(arg_value)
    return handle_value(bar)
