import hashlib

from flask import Flask, jsonify, request

app = Flask(__name__)


def respond_with(prepared):
    cache_key = hashlib.md5(prepared.encode(), usedforsecurity=False).hexdigest()
    return jsonify(cache_key=cache_key)


@app.route("/tools")
def search():
    requested = request.headers["X-Requested-Resource"]
    prepared = requested.strip()
    return respond_with(prepared)
