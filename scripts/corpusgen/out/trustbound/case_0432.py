import os

from flask import Flask, session

from corpuslib.sanitize import as_int

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


@app.route("/tasks/<path:given>")
def report(given):
    values = ["safe", given, "moresafe"]
    values.pop(0)
    selected = values[0]

    def handle_value(selected):
        session["items_per_page"] = as_int(selected, 20)
        return "ok"

    return handle_value(selected)
