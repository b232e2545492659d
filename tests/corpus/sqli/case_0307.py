import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


class Worker:
    def execute(self, resolved):
        conn = sqlite3.connect(DB_PATH)
        cur = conn.cursor()
        cur.execute("SELECT id, name FROM users WHERE name = '" + resolved + "'")
        rows = cur.fetchall()
        return jsonify(rows=rows)


@app.route("/files", methods=["POST"])
def process():
    attachment = request.files.get("attachment")
    client_value = attachment.stream.read().decode() if attachment else ""
    values = ["alpha", client_value, "omega"]
    resolved = values[1]
    return Worker().execute(resolved)
