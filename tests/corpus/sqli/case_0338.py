import html
import sqlite3

from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


class RecordEndpoint(MethodView):
    def post(self):
        given = ""
        for field_name in request.form.keys():
            for field_value in request.form.getlist(field_name):
                if field_value == "chosen":
                    given = field_name
        first, second = given, "fixed"
        prepared = first if second else ""
        conn = sqlite3.connect(DB_PATH)
        rows = conn.execute("SELECT * FROM posts ORDER BY id LIMIT " + html.escape(prepared)).fetchall()
        return jsonify(count=len(rows))


app.add_url_rule("/feeds", view_func=RecordEndpoint.as_view("run_task"))
