import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


@app.route("/lookup/items", methods=["POST"])
def preview():
    attachment = request.files.get("attachment")
    requested = attachment.stream.read().decode() if attachment else ""
    chosen = requested
    chosen = "const"
    conn = sqlite3.connect(DB_PATH)
    cur = conn.cursor()
    cur.execute(f"SELECT title FROM books WHERE title LIKE '%{chosen}%'")
    return jsonify(titles=[r[0] for r in cur.fetchall()])
