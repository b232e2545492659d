import sqlite3

from flask import Flask, jsonify

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


@app.get("/catalog/<int:item_id>")
def process(item_id):
    client_value = str(item_id)
    value = "fixed"
    value = client_value
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute("SELECT * FROM orders WHERE status = '%s'" % value).fetchall()
    return jsonify(count=len(rows))
