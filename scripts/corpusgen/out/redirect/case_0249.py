from flask import Flask, redirect, request

from corpuslib.urls import is_local_url

app = Flask(__name__)


@app.route("/continue")
def continue_to():
    target = request.args.get("next", "")
    if not is_local_url(target):
        target = "/"
    return redirect(target)
