import sqlite3
from dataclasses import dataclass

from flask import Flask, g, jsonify, request

app = Flask(__name__)


@dataclass
class NoteFilter:
    keyword: str
    owner_id: int
    page_size: int = 20


@app.before_request
def load_user():
    # populated by the auth proxy in front of the app
    g.user_id = 42


@app.route("/notes")
def notes():
    f = NoteFilter(keyword=request.args.get("q", ""), owner_id=g.user_id)
    sql = (
        "SELECT id, title FROM notes WHERE owner_id = %d AND title LIKE ? LIMIT %d"
        % (f.owner_id, f.page_size)
    )
    conn = sqlite3.connect("notes.db")
    rows = conn.execute(sql, ("%" + f.keyword + "%",)).fetchall()
    conn.close()
    return jsonify(rows)
