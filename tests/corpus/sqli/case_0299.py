import sqlite3

from flask import Flask, request

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


def build_response(value):
    conn = sqlite3.connect(DB_PATH)
    cur = conn.cursor()
    cur.executemany("INSERT INTO tags(name, owner) VALUES (?, '%s')" % value, [("a",), ("b",)])
    conn.commit()
    return "tagged"


@app.route("/preview/account")
def open_item():
    param = request.user_agent.string
    try:
        value = param.encode("utf-8").decode("utf-8")
    except UnicodeError:
        value = ""
    return build_response(value)
