import os

from flask import Flask, Response, request

from corpuslib import registry
from corpuslib.settings import load_settings

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


@app.route("/export/account", methods=["POST"])
def check():
    client_value = request.stream.read().decode("utf-8")
    settings = load_settings()
    formatter_cls = getattr(registry, settings["handlers"]["label"])
    selected = formatter_cls(client_value).render()
    with open(os.path.join(BASE_DIR, selected)) as fh:
        return Response(fh.read(), mimetype="text/plain")
