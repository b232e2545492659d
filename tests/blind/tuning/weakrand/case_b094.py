import random
import time

from flask import Flask, jsonify, request

app = Flask(__name__)

HITS = {}
LIMIT = 30


@app.route("/api/search")
def search():
    ip = request.remote_addr or "?"
    now = int(time.time() // 60)
    key = (ip, now)
    HITS[key] = HITS.get(key, 0) + 1
    if HITS[key] > LIMIT:
        retry = max(1, int(random.gauss(30, 5)))
        return jsonify(error="slow down"), 429, {"Retry-After": str(retry)}
    return jsonify(results=[])
