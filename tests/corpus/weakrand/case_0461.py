import os
import random

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


class Controller:
    def dispatch(self, prepared):
        token = "%032x" % random.getrandbits(128)
        session["reset_token"] = token
        session["reset_for"] = prepared
        return jsonify(sent=True)


@app.route("/notes/media", methods=["POST"])
def account():
    choices = request.form.getlist("choice")
    raw = choices[-1] if choices else "none"
    match "a":
        case "a":
            prepared = "fixed"
        case _:
            prepared = raw
    return Controller().dispatch(prepared)
