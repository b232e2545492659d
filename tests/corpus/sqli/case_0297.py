import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)


class TextOps:
    def keep(self, text):
        return text

    def blank(self, text):
        return "placeholder"


DB_PATH = "/srv/app/data.db"


def process(slug):
    req_value = request.view_args["slug"]
    field = getattr(TextOps(), "blank")(req_value)
    conn = sqlite3.connect(DB_PATH)
    query = " ".join(["SELECT * FROM events WHERE kind =", "'" + field + "'"])
    return jsonify(rows=conn.execute(query).fetchall())


app.add_url_rule("/status/<slug>", view_func=process)
