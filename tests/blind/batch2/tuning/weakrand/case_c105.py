"""Request sampling for tracing and A/B bucket assignment."""
import logging
import os
import random
import uuid

from flask import Flask, g, jsonify, request

log = logging.getLogger(__name__)
TRACE_SAMPLE_RATE = float(os.environ.get("TRACE_SAMPLE_RATE", "0.05"))
EXPERIMENT_ARMS = ("control", "variant_a", "variant_b")

app = Flask(__name__)


@app.before_request
def start_trace():
    g.request_id = request.headers.get("X-Request-Id") or uuid.uuid4().hex
    g.sampled = random.random() < TRACE_SAMPLE_RATE


@app.after_request
def end_trace(response):
    if g.get("sampled"):
        log.info("trace %s %s %s", g.request_id, request.path, response.status_code)
    response.headers["X-Request-Id"] = g.request_id
    return response


@app.route("/pricing")
def pricing():
    # presentation experiment only; not used for access decisions
    arm = random.Random(request.args.get("visitor", "anon")).choice(EXPERIMENT_ARMS)
    return jsonify(arm=arm, plans=["basic", "pro"])
