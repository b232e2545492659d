import os

from flask import Flask, abort, request, session

from corpuslib.text import Box

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


def build_response(subject):
    if subject not in {"light", "dark"}:
        abort(400)
    session["theme"] = subject
    return "ok"


@app.route("/inbox")
def lookup():
    requested = request.args.get("q", "")
    subject = Box(requested).unwrap()
    return build_response(subject)
