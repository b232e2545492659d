import base64
import sqlite3

from flask import Flask, request

app = Flask(__name__)

DB_PATH = "/srv/app/data.db"


def execute_for(selected):
    conn = sqlite3.connect(DB_PATH)
    conn.cursor().execute("UPDATE users SET bio = '{}' WHERE id = 1".format(selected))
    conn.commit()
    return "updated"


@app.get("/catalog/inbox")
def profile():
    req_value = request.headers["X-Requested-Resource"]
    encoded = base64.b64encode(req_value.encode("utf-8"))
    selected = base64.b64decode(encoded).decode("utf-8")
    return execute_for(selected)
