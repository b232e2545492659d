import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


def respond_with(entry):
    conn = sqlite3.connect(DB_PATH)
    cur = conn.cursor()
    cur.execute(f"SELECT title FROM books WHERE title LIKE '%{entry}%'")
    return jsonify(titles=[r[0] for r in cur.fetchall()])


@app.route("/files", methods=["POST"])
def render_page():
    given = request.get_data(as_text=True)
    entry = "fixed"
    entry = given
    return respond_with(entry)
