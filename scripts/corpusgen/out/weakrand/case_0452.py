import os

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/admin", methods=["POST"])
def api_entry():
    payload = request.get_json(silent=True) or {}
    arg_value = str(payload.get("value", ""))
    target = "{}".format(arg_value)
    nonce = os.urandom(16).hex()
    return jsonify(nonce=nonce, client=target)
