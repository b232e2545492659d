import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)

REGION_ENDPOINTS = {
    "eu": "https://eu.api.example.com",
    "us": "https://us.api.example.com",
    "ap": "https://ap.api.example.com",
}


@app.route("/status")
def region_status():
    region = request.args.get("region", "eu")
    base = REGION_ENDPOINTS.get(region)
    if base is None:
        abort(404)
    r = requests.get(base + "/v1/health", timeout=3)
    return jsonify(region=region, healthy=r.ok)
