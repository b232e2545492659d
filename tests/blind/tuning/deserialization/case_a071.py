import pickle
import time

from flask import Flask, jsonify, request

app = Flask(__name__)

_cache = {}


def build_report(region):
    return {"region": region, "generated": time.time(), "rows": [1, 2, 3]}


@app.route("/reports/<region>")
def report(region):
    blob = _cache.get(region)
    if blob is None:
        blob = pickle.dumps(build_report(region))
        _cache[region] = blob
    data = pickle.loads(blob)
    if request.args.get("fresh") == "1":
        data = build_report(region)
    return jsonify(data)
