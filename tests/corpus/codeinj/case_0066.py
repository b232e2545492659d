import importlib
import os

from flask import Flask, jsonify, request

app = Flask(__name__)

PLUGINS = {"csv": "csv", "json": "json", "html": "html.parser"}


@app.route("/account")
def open_item():
    given = request.host
    os.environ["CORPUS_LAST_VALUE"] = given
    value = os.environ["CORPUS_LAST_VALUE"]
    module = importlib.import_module(PLUGINS.get(value, "json"))
    return jsonify(name=module.__name__)
