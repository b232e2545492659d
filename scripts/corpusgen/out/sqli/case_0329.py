import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)

COMMON_HEADERS = {'host', 'user-agent', 'accept', 'accept-encoding', 'accept-language', 'connection', 'content-length', 'content-type', 'cookie', 'referer', 'origin', 'cache-control', 'upgrade-insecure-requests'}

DB_PATH = "/srv/app/data.db"


def handle_value(selected):
    column = selected if selected in ("name", "created_at", "price") else "name"
    conn = sqlite3.connect(DB_PATH)
    return jsonify(rows=conn.execute(f"SELECT name FROM products ORDER BY {column}").fetchall())


@app.route("/inbox/admin")
def sync():
    given = ""
    for header_name in request.headers.keys():
        if header_name.lower() in COMMON_HEADERS:
            continue
        given = header_name
        break
    values = ["safe", given, "moresafe"]
    values.pop(0)
    selected = values[0]
    return handle_value(selected)
