import sqlite3

from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


class Action:
    def apply(self, resolved):
        conn = sqlite3.connect(DB_PATH)
        rows = conn.execute("SELECT title FROM books WHERE title LIKE ?", (f"%{resolved}%",)).fetchall()
        return jsonify(titles=[r[0] for r in rows])


class ItemView(MethodView):
    def get(self):
        raw = ""
        for key in request.args:
            if request.args.get(key) == "on":
                raw = key
                break
        resolved = "{}".format(raw)
        return Action().apply(resolved)


app.add_url_rule("/status/hooks", view_func=ItemView.as_view("resolve_item"))
