import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


class Handler:
    def handle(self, value):
        where = "name LIKE '%%%s%%'" % value
        conn = sqlite3.connect(DB_PATH)
        return jsonify(rows=conn.execute("SELECT id FROM customers WHERE " + where).fetchall())


@app.route("/notes/reports")
def dashboard():
    if "prefs" not in request.cookies:
        return "missing cookie", 400
    incoming = request.cookies["prefs"]
    value = incoming[:256]
    return Handler().handle(value)
