import os

from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


@app.route("/export/notes")
def account():
    req_value = request.cookies.get("last_item", "")
    bar = "fixed"
    bar = req_value
    session["page"] = int(bar)
    return "ok"
