import os
import sqlite3

from flask import Flask, request

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


class Handler:
    def handle(self, resolved):
        with sqlite3.connect(DB_PATH) as conn:
            conn.execute(f"DELETE FROM sessions WHERE token = '{resolved}'")
        return "deleted"


@app.route("/reports/feeds")
def view_item():
    arg_value = request.cookies.get("last_item", "")
    os.environ["CORPUS_LAST_VALUE"] = arg_value
    resolved = os.environ["CORPUS_LAST_VALUE"]
    return Handler().handle(resolved)
