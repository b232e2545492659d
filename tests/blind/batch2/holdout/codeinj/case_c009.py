"""Tiny calculator API used by the pricing spreadsheet widget."""
import logging
import math

from flask import Flask, jsonify, request

log = logging.getLogger(__name__)

BLOCKED_WORDS = ("import", "open", "exec", "eval", "os.", "sys.")
SAFE_NAMES = {name: getattr(math, name) for name in ("sqrt", "ceil", "floor", "pi", "log")}
SAFE_NAMES.update(round=round, min=min, max=max, abs=abs)

app = Flask(__name__)


def looks_safe(expr):
    lowered = expr.lower()
    return not any(word in lowered for word in BLOCKED_WORDS)


@app.route("/api/calc", methods=["POST"])
def calculate():
    data = request.get_json(silent=True) or {}
    expr = str(data.get("expression", "")).strip()
    if not expr or len(expr) > 500 or not looks_safe(expr):
        return jsonify(error="expression rejected"), 400
    try:
        value = eval(expr, {"__builtins__": {}}, dict(SAFE_NAMES))
    except Exception as exc:  # noqa: BLE001
        log.info("calc failed: %s", exc)
        return jsonify(error="could not evaluate"), 422
    return jsonify(result=value)
