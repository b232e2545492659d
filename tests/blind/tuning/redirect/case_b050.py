from urllib.parse import urlparse

from flask import Flask, abort, redirect, request

app = Flask(__name__)

ALLOWED_HOSTS = {"example.com", "www.example.com", "docs.example.com"}


@app.route("/out")
def outbound():
    url = request.args.get("url", "")
    parts = urlparse(url)
    if parts.scheme not in ("http", "https") or parts.hostname not in ALLOWED_HOSTS:
        abort(400)
    return redirect(url, code=302)
