import requests

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.get("/feeds")
def fetch_page():
    raw = request.referrer or ""
    bar = raw
    with requests.Session() as http:
        resp = http.get(bar, timeout=5)
    return jsonify(status=resp.status_code)
