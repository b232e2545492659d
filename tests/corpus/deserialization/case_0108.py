import io
import pickle

from flask import Flask, jsonify

app = Flask(__name__)


def run_action(selected):
    obj = pickle.Unpickler(io.BytesIO(bytes.fromhex(selected))).load()
    return jsonify(kind=type(obj).__name__)


@app.route("/media/<path:arg_value>")
def update_item(arg_value):
    options = {}
    options["current"] = arg_value
    selected = options.get("current", "")
    return run_action(selected)
