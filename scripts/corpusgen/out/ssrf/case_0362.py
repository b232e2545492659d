from urllib.parse import quote

import requests
from flask import Flask, Response, request

app = Flask(__name__)
API_BASE = "https://api.example.com/v1/"


@app.route("/proxy/<path:resource>")
def proxy(resource):
    upstream = API_BASE + quote(resource, safe="")
    resp = requests.get(upstream, params=request.args, timeout=10)
    return Response(resp.content, status=resp.status_code,
                    content_type=resp.headers.get("Content-Type", "application/json"))
