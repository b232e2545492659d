import sqlite3

from flask import Flask, jsonify, request

from corpuslib.text import Box

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


class Worker:
    def execute(self, prepared):
        conn = sqlite3.connect(DB_PATH)
        query = " ".join(["SELECT * FROM events WHERE kind =", "'" + prepared + "'"])
        return jsonify(rows=conn.execute(query).fetchall())


@app.get("/profile")
def search():
    req_value = request.values.get("item", "")
    prepared = Box(req_value).unwrap()
    return Worker().execute(prepared)
