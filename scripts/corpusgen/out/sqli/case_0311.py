import sqlite3
import urllib.parse

from flask import Flask, jsonify, request

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


def carry_out(subject):
    where = "name LIKE '%%%s%%'" % subject
    conn = sqlite3.connect(DB_PATH)
    return jsonify(rows=conn.execute("SELECT id FROM customers WHERE " + where).fetchall())


@app.route("/search")
def api_entry():
    parsed_qs = urllib.parse.parse_qs(request.query_string.decode())
    given = parsed_qs.get("id", [""])[0]
    lookup = {"keyA": "a_value", "keyB": given}
    subject = lookup["keyB"]
    return carry_out(subject)
