import pickle

from flask import Flask, jsonify, request

app = Flask(__name__)


def process_value(selected):
    obj = pickle.loads(selected.encode("latin-1"))
    return jsonify(kind=type(obj).__name__)


@app.route("/admin")
def report():
    requested = request.host
    options = {"k": requested}
    options["k"] = "const"
    selected = options["k"]
    return process_value(selected)
