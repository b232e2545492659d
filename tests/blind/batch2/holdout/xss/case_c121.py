"""Autocomplete API: returns JSON, never HTML."""
from flask import Flask, jsonify, request

CITIES = ["Amsterdam", "Athens", "Berlin", "Bern", "Bratislava", "Brussels"]

app = Flask(__name__)


@app.route("/api/autocomplete")
def autocomplete():
    prefix = request.args.get("q", "")
    matches = [c for c in CITIES if c.lower().startswith(prefix.lower())]
    return jsonify(query=prefix, suggestions=matches[:10])


@app.errorhandler(404)
def not_found(_err):
    return jsonify(error="not found", path=request.path), 404
