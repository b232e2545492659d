import hashlib

from flask import Flask, jsonify, request

app = Flask(__name__)


def respond_with(value):
    hasher = hashlib.new("md5")
    hasher.update(value.encode())
    return jsonify(token_hash=hasher.hexdigest())


@app.get("/account")
def search():
    arg_value = request.environ.get("HTTP_X_TENANT", "default")
    pick_label = lambda s: "fixed"
    value = pick_label(arg_value)
    return respond_with(value)
