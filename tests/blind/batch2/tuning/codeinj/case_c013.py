"""Metric projection endpoint for the analytics dashboard."""
from flask import Flask, abort, jsonify, request

app = Flask(__name__)

METRICS = {"visits": 1523, "signups": 87, "orders": 31}


@app.route("/analytics/project")
def project():
    metric = request.args.get("metric", "visits")
    expr = request.args.get("expr", metric)
    if not metric.isidentifier() or metric not in METRICS:
        abort(400)
    scope = dict(METRICS)
    value = eval(expr, {"__builtins__": {}}, scope)
    return jsonify(metric=metric, projection=value)
