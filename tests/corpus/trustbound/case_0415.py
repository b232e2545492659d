import os

import flask
from flask import Flask, request

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.get("/account")
def submit():
    raw = request.referrer or ""
    num = 86
    target = "fixed_value" if (7 * 42) - num > 200 else raw

    def respond_with(target):
        flask.session["cart_note"] = target.strip()
        return "noted"

    return respond_with(target)
