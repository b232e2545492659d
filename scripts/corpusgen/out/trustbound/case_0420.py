import os
import sqlite3

from flask import Flask, abort, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.route("/impersonate/stop", methods=["POST"])
def stop_impersonation():
    account_id = request.form.get("account", "")
    with sqlite3.connect("/srv/app/users.db") as conn:
        row = conn.execute("SELECT username FROM users WHERE id = ?", (account_id,)).fetchone()
    if row is None:
        abort(404)
    session["username"] = row[0]
    return "ok"
