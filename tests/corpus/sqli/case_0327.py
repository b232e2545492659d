import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


@app.post("/reports")
def load():
    requested = request.data.decode("utf-8", "replace")
    entry = "".join([ch for ch in requested])
    conn = sqlite3.connect(DB_PATH)
    row = conn.execute("SELECT name, price FROM items WHERE id = " + entry).fetchone()
    return jsonify(item=row)
