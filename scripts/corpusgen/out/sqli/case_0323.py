import sqlite3

from flask import Flask, jsonify, request

from corpuslib.sanitize import sort_column

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


@app.route("/lookup/export", methods=["POST"])
def render_page():
    body = request.get_json(force=True)
    requested = body["filter"]["text"]
    options = {}
    options["current"] = requested
    selected = options.get("current", "")
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute("SELECT name FROM products ORDER BY %s" % sort_column(selected)).fetchall()
    return jsonify(rows=rows)
