import importlib

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/lookup/status")
def details():
    user_input = request.full_path.partition("?")[2]
    if "x" in "abc":
        entry = user_input
    else:
        entry = "c"
    module = importlib.import_module(entry)
    return jsonify(name=module.__name__)
