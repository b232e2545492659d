import configparser
import sqlite3

from flask import Flask, jsonify
from flask.views import MethodView

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


class ResourceView(MethodView):
    def get(self, arg_value):
        conf = configparser.RawConfigParser()
        conf.add_section("section1")
        conf.set("section1", "keyA", "a_value")
        conf.set("section1", "keyB", arg_value)
        bar = conf.get("section1", "keyB")
        conn = sqlite3.connect(DB_PATH)
        cur = conn.cursor()
        cur.execute("SELECT id, name FROM users WHERE name = ?", (bar,))
        return jsonify(rows=cur.fetchall())


app.add_url_rule("/account/reports/<arg_value>", view_func=ResourceView.as_view("submit"))
