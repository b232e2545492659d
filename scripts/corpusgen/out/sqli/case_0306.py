import html
import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)

FEATURE_RAW_INPUT = False

DB_PATH = "/srv/app/data.db"


@app.route("/items", methods=["POST"])
def handle():
    param = request.get_data(as_text=True)
    if FEATURE_RAW_INPUT:
        field = param
    else:
        field = "fixed"
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute("SELECT * FROM posts ORDER BY id LIMIT " + html.escape(field)).fetchall()
    return jsonify(count=len(rows))
