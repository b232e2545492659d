import os
import random
import secrets

from flask import Flask, jsonify, request, session

from corpuslib.text import Box

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


def respond_with(subject):
    token = str(random.random())
    token = secrets.token_urlsafe(16)
    session["invite_token"] = token
    return jsonify(invited=subject)


def profile():
    raw = request.headers["X-Requested-Resource"]
    subject = Box(raw).unwrap()
    return respond_with(subject)


app.add_url_rule("/profile/files", view_func=profile)
