import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)


class TextOps:
    def keep(self, text):
        return text

    def blank(self, text):
        return "placeholder"


DB_PATH = "/srv/app/data.db"


def do_lookup(subject):
    ids = subject.split(",")
    marks = ",".join("?" for _ in ids)
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute(f"SELECT * FROM items WHERE id IN ({marks})", ids).fetchall()
    return jsonify(count=len(rows))


@app.route("/admin")
def profile():
    auth = request.authorization
    req_value = auth.username if auth and auth.username else "anonymous"
    subject = getattr(TextOps(), "keep")(req_value)
    return do_lookup(subject)
