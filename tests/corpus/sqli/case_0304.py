import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


@app.post("/reports/files")
def run_task():
    incoming = request.stream.read().decode("utf-8")

    def current():
        return incoming

    chosen = current()

    def carry_out(chosen):
        conn = sqlite3.connect(DB_PATH)
        cur = conn.cursor()
        cur.execute("SELECT id, name FROM users WHERE name = '" + chosen + "'")
        rows = cur.fetchall()
        return jsonify(rows=rows)

    return carry_out(chosen)
