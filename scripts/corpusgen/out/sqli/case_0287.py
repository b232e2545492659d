import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


def run_task():
    supplied = "none"
    for header_name, header_value in request.headers.items():
        if header_value == "selected":
            supplied = header_name
    mapping = {k: supplied for k in ("primary", "secondary")}
    subject = mapping["secondary"]
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute("SELECT * FROM orders WHERE status = '%s'" % subject).fetchall()
    return jsonify(count=len(rows))


app.add_url_rule("/account", view_func=run_task)
