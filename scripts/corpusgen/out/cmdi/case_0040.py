import os

from flask import Flask, request

from corpuslib.text import Box

app = Flask(__name__)


@app.route("/users")
def resolve_item():
    req_value = request.url.split("ref=", 1)[-1]
    selected = Box(req_value).unwrap()
    os.system("ping -c 1 " + selected)
    return "sent"
