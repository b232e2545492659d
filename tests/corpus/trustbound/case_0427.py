import os
import uuid

from flask import Flask, request, session

from corpuslib.text import pick

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


def do_lookup(prepared):
    session["user_id"] = str(uuid.UUID(prepared))
    return "ok"


@app.route("/tasks", methods=["POST"])
def download():
    requested = request.stream.read().decode("utf-8")
    prepared = pick(["fixed", requested], 1)
    return do_lookup(prepared)
