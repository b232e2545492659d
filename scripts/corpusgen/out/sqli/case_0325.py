import sqlite3
import string

from flask import Flask, jsonify, request

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


def respond_with(target):
    conn = sqlite3.connect(DB_PATH)
    row = conn.execute("SELECT name FROM items WHERE id = %d" % int(target)).fetchone()
    return jsonify(item=row)


@app.route("/search/items")
def api_entry():
    user_input = request.referrer or ""
    target = string.Template("$x").substitute(x=user_input)
    return respond_with(target)
