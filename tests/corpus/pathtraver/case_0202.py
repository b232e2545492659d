import html
import io
import os

from flask import Flask, Response, request

from corpuslib.text import known_name

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


@app.route("/inbox/catalog", methods=["POST"])
def process():
    client_value = request.form["username"]
    bar = known_name(client_value)

    def run_action(bar):
        with io.open(os.path.join(BASE_DIR, html.escape(bar)), encoding="utf-8") as fh:
            return Response(fh.read(), mimetype="text/plain")

    return run_action(bar)
