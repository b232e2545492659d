"""Unit conversion service; conversions are a fixed dispatch table."""
import os

from flask import Flask, abort, jsonify, request

# Calibration factor is an expression maintained by ops in the deploy env,
# e.g. "1.0" or "1/0.98". It is not user-facing.
CALIBRATION = eval(os.environ.get("SENSOR_CALIBRATION", "1.0"), {"__builtins__": {}})

CONVERSIONS = {
    ("c", "f"): lambda v: v * 9 / 5 + 32,
    ("f", "c"): lambda v: (v - 32) * 5 / 9,
    ("km", "mi"): lambda v: v * 0.621371,
    ("mi", "km"): lambda v: v / 0.621371,
}

app = Flask(__name__)


@app.route("/convert")
def convert():
    src = request.args.get("from", "").lower()
    dst = request.args.get("to", "").lower()
    fn = CONVERSIONS.get((src, dst))
    if fn is None:
        abort(404)
    try:
        value = float(request.args["value"])
    except (KeyError, ValueError):
        abort(400)
    return jsonify(value=fn(value * CALIBRATION), unit=dst)
