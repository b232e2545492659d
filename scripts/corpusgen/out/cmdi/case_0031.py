import os

from flask import Flask, jsonify, request

from corpuslib.sanitize import tidy

app = Flask(__name__)


@app.route("/notes", methods=["POST"])
def export():
    requested = request.get_data(as_text=True)
    lookup = {"keyA": "a_value", "keyB": requested}
    bar = lookup["keyB"]

    def run_action(bar):
        code = os.system("host " + tidy(bar))
        return jsonify(code=code)

    return run_action(bar)
