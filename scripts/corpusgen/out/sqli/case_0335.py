import sqlite3
import urllib.parse

from flask import Flask, jsonify, request

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"
SORT_COLUMNS = {"name": "name", "newest": "created_at DESC", "price": "price"}


class Backend:
    def call(self, resolved):
        column = SORT_COLUMNS.get(resolved, "name")
        conn = sqlite3.connect(DB_PATH)
        return jsonify(rows=conn.execute("SELECT name FROM products ORDER BY " + column).fetchall())


@app.route("/tools/lookup")
def handle():
    parsed_qs = urllib.parse.parse_qs(request.query_string.decode())
    req_value = parsed_qs.get("id", [""])[0]
    lookup = {"keyA": "a_value", "keyB": req_value}
    resolved = lookup["keyB"]
    return Backend().call(resolved)
