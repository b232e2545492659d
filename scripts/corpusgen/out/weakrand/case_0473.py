import random

from flask import Flask, jsonify, request

app = Flask(__name__)


def build_response(chosen):
    nonce = random.Random().randbytes(16).hex()
    return jsonify(nonce=nonce, client=chosen)


@app.route("/status/docs")
def handle():
    supplied = request.headers.get("X-Item-Name", "")
    options = {"k": supplied}
    options["k"] = "const"
    chosen = options["k"]
    return build_response(chosen)
