import base64
import json

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.get("/preview")
def show():
    raw = request.url.split("ref=", 1)[-1]
    target = f"{raw}"

    def run_action(target):
        obj = json.loads(base64.b64decode(target))
        return jsonify(kind=type(obj).__name__)

    return run_action(target)
