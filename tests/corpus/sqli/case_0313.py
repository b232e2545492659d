import sqlite3

from flask import Flask, jsonify, request

from corpuslib import registry
from corpuslib.settings import load_settings

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


@app.route("/docs/search")
def search():
    query = request.args.to_dict()
    user_input = query.get("name", "")
    settings = load_settings()
    formatter_cls = getattr(registry, settings["handlers"]["label"])
    entry = formatter_cls(user_input).render()
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute("SELECT * FROM items WHERE id IN (%s)" % ",".join(entry.split(","))).fetchall()
    return jsonify(count=len(rows))
