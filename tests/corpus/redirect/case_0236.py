import flask
from flask import Flask, request

app = Flask(__name__)


@app.route("/preview", methods=["POST"])
def handle():
    choices = request.form.getlist("choice")
    arg_value = choices[-1] if choices else "none"
    value = "".join([ch for ch in arg_value])
    return flask.redirect(f"{value}")
