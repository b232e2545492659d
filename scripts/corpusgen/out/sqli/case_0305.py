import sqlite3

from flask import Flask, request

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


class Backend:
    def call(self, selected):
        with sqlite3.connect(DB_PATH) as conn:
            conn.execute("INSERT INTO audit(message, origin) VALUES (?, ?)", [selected, "web"])
        return "logged"


@app.get("/items")
def update_item():
    req_value = request.full_path.partition("?")[2]
    selected = ""
    idx = 0
    while idx < len(req_value):
        selected += req_value[idx]
        idx += 1
    return Backend().call(selected)
