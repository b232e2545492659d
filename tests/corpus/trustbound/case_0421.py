import os
import urllib.parse

from flask import Flask, abort, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


def carry_out(bar):
    if not bar:
        abort(400)
    session["user_id"] = bar
    return "logged in"


@app.route("/search", methods=["POST"])
def apply():
    body = request.get_json(force=True)
    req_value = body["filter"]["text"]
    bar = urllib.parse.unquote(req_value)
    return carry_out(bar)
