"""Upload numeric arrays (.npy) for the model-evaluation service."""
import io
import logging

import numpy as np
from flask import Flask, abort, jsonify, request

log = logging.getLogger(__name__)

MAX_ELEMENTS = 10_000_000

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 64 * 1024 * 1024


@app.route("/evaluate", methods=["POST"])
def evaluate():
    upload = request.files.get("predictions")
    if upload is None:
        abort(400)
    try:
        arr = np.load(io.BytesIO(upload.read()), allow_pickle=False)
    except ValueError:
        log.info("rejected non-numeric upload")
        abort(400)
    if arr.size > MAX_ELEMENTS:
        abort(413)
    return jsonify(mean=float(arr.mean()), shape=list(arr.shape))
