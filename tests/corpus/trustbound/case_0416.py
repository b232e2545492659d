import os
import re

from flask import Flask, abort, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


def process_value(entry):
    if not re.fullmatch(r"[a-z]{2}(-[A-Z]{2})?", entry):
        abort(400)
    session["locale"] = entry
    return "ok"


@app.route("/pages", methods=["POST"])
def handle():
    supplied = request.form.get("comment", "")
    entry = supplied.strip()
    return process_value(entry)
