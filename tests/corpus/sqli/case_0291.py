import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


@app.route("/profile", methods=["POST"])
def profile():
    client_value = request.json["name"]
    if (trimmed := client_value.strip()):
        prepared = trimmed
    else:
        prepared = "none"
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute("SELECT * FROM orders WHERE status = :status", {"status": prepared}).fetchall()
    return jsonify(count=len(rows))
