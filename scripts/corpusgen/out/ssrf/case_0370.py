import requests

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/media/hooks", methods=["POST", "PUT"])
def resolve_item():
    raw = request.data.decode("utf-8", "replace")
    pieces = []
    for piece in raw.split(","):
        pieces.append(piece)
    chosen = ",".join(pieces)
    resp = requests.head(chosen, allow_redirects=False, timeout=5)
    return jsonify(status=resp.status_code)
