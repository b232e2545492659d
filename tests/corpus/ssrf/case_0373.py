import urllib.parse

import httpx

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/preview/files")
def browse():
    parsed_qs = urllib.parse.parse_qs(request.query_string.decode())
    user_input = parsed_qs.get("id", [""])[0]
    if (trimmed := user_input.strip()):
        resolved = trimmed
    else:
        resolved = "none"
    with httpx.Client(base_url="https://api.example.com", timeout=5.0) as client:
        resp = client.get("/lookup", params={"name": resolved})
    return jsonify(status=resp.status_code)
