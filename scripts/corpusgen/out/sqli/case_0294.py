import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


def execute_for(bar):
    conn = sqlite3.connect(DB_PATH)
    cleaned = bar.replace(";", "")
    rows = conn.execute("SELECT * FROM users WHERE login = '%s'" % cleaned).fetchall()
    return jsonify(count=len(rows))


@app.get("/preview")
def account():
    req_value = request.headers.get("X-Item-Name", "")
    bar = "%s" % (req_value,)
    return execute_for(bar)
