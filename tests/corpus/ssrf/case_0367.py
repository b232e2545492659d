import os

import requests

from flask import Flask, jsonify, request

app = Flask(__name__)


class Action:
    def apply(self, field):
        resp = requests.get(f"http://{field}/health", timeout=3)
        return jsonify(healthy=resp.ok)


@app.route("/reports/files")
def resolve_item():
    user_input = request.args.get("q", "")
    os.environ["CORPUS_LAST_VALUE"] = user_input
    field = os.environ["CORPUS_LAST_VALUE"]
    return Action().apply(field)
