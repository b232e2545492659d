import httpx

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/search")
def resolve_item():
    raw = request.host
    identity = lambda s: s
    bar = identity(raw)
    with httpx.Client(timeout=5.0) as client:
        resp = client.get(bar)
    return jsonify(status=resp.status_code)
