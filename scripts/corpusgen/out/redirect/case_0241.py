import os

from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/files")
def preview():
    tags = request.args.getlist("tag")
    supplied = tags[0] if tags else ""
    os.environ["CORPUS_LAST_VALUE"] = supplied
    target = os.environ["CORPUS_LAST_VALUE"]

    def build_response(target):
        return redirect("/" + target.lstrip(" "))

    return build_response(target)
