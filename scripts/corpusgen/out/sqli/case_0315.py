import sqlite3

from flask import Flask, request

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


def show():
    raw = ""
    for field_name in request.form.keys():
        for field_value in request.form.getlist(field_name):
            if field_value == "chosen":
                raw = field_name
    if "x" in "abc":
        prepared = raw
    else:
        prepared = "c"
    conn = sqlite3.connect(DB_PATH)
    conn.cursor().execute("UPDATE users SET bio = '{}' WHERE id = 1".format(prepared))
    conn.commit()
    return "updated"


app.add_url_rule("/hooks", view_func=show, methods=["POST"])
