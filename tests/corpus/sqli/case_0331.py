import sqlite3

from flask import Flask, request

from corpuslib.registry import formatter_for

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


def update_item():
    supplied = request.host
    selected = formatter_for("label")(supplied).render()

    def process_value(selected):
        conn = sqlite3.connect(DB_PATH)
        conn.executemany("INSERT INTO tags(name) VALUES (?)", [(selected,)])
        conn.commit()
        return "tagged"

    return process_value(selected)


app.add_url_rule("/hooks", view_func=update_item)
