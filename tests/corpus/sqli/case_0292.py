import os
import sqlite3

from flask import Flask, request

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


def do_lookup(selected):
    conn = sqlite3.connect(DB_PATH)
    cur = conn.cursor()
    cur.executemany("INSERT INTO tags(name, owner) VALUES (?, '%s')" % selected, [("a",), ("b",)])
    conn.commit()
    return "tagged"


@app.get("/preview/search")
def check():
    incoming = request.values.get("item", "")
    os.environ["CORPUS_INPUT"] = incoming
    selected = os.environ.get("CORPUS_MODE", "standard")
    return do_lookup(selected)
