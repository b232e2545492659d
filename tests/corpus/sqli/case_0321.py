import sqlite3

from flask import Flask, jsonify, request

from corpuslib.text import normalize

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


@app.route("/items/status")
def export():
    client_value = request.environ.get("HTTP_X_TENANT", "default")
    target = normalize(client_value)
    conn = sqlite3.connect(DB_PATH)
    row = conn.execute("SELECT name, price FROM items WHERE id = " + target).fetchone()
    return jsonify(item=row)
