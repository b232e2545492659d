import flask
from flask import Flask, request

from corpuslib.text import Box

app = Flask(__name__)


@app.route("/orders/inbox")
def submit():
    requested = ",".join(request.args.getlist("tag"))
    bar = Box(requested).unwrap()
    return flask.redirect(f"{bar}")
