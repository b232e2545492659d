from urllib.parse import urlparse, urlunparse

import requests
from flask import Flask, Response, request

app = Flask(__name__)
CDN_HOST = "cdn.example.com"


@app.route("/assets/proxy")
def asset_proxy():
    raw = request.args.get("u", "")
    parsed = urlparse(raw)
    pinned = parsed._replace(scheme="https", netloc=CDN_HOST)
    url = urlunparse(pinned)
    r = requests.get(url, timeout=5)
    return Response(r.content, status=r.status_code, mimetype=r.headers.get("Content-Type"))
