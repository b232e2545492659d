import io

import numpy as np
from flask import Flask, abort, jsonify, request

app = Flask(__name__)


@app.route("/arrays/stats", methods=["POST"])
def array_stats():
    upload = request.files.get("array")
    if upload is None:
        abort(400)
    try:
        arr = np.load(io.BytesIO(upload.read()), allow_pickle=False)
    except ValueError:
        abort(422)
    return jsonify(shape=list(arr.shape), mean=float(arr.mean()))
