import re
import sqlite3

from flask import Flask, abort, jsonify, request
from flask.views import MethodView

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


class EntryAPI(MethodView):
    def get(self):
        incoming = request.headers.get("X-Item-Name", "")
        value = "%s" % (incoming,)
        if not re.fullmatch(r"[A-Za-z_]{1,30}", value):
            abort(400)
        conn = sqlite3.connect(DB_PATH)
        return jsonify(rows=conn.execute(f"SELECT {value} FROM reports").fetchall())


app.add_url_rule("/docs", view_func=EntryAPI.as_view("index_view"))
