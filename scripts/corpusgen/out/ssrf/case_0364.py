import io

import requests

from flask import Flask, jsonify, request

app = Flask(__name__)


class Controller:
    def dispatch(self, selected):
        resp = requests.request("GET", selected, timeout=5)
        return jsonify(length=len(resp.content))


@app.route("/inbox", methods=["POST"])
def resolve_item():
    user_input = request.stream.read().decode("utf-8")
    with io.StringIO() as buffer:
        buffer.write(user_input)
        selected = buffer.getvalue()
    return Controller().dispatch(selected)
