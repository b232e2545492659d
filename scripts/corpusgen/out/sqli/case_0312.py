import sqlite3
import uuid

from flask import Flask, jsonify, request

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


def build_response(resolved):
    ref = uuid.UUID(resolved)
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute("SELECT * FROM uploads WHERE ref = '{}'".format(ref)).fetchall()
    return jsonify(count=len(rows))


def inspect():
    choices = request.form.getlist("choice")
    incoming = choices[-1] if choices else "none"
    if 7 * 6 > 10:
        resolved = incoming
    else:
        resolved = "fixed"
    return build_response(resolved)


app.add_url_rule("/profile", view_func=inspect, methods=["POST"])
