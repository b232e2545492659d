"""Thumbnailer that only fetches images from our CDN (or so it thinks)."""
import io
import re
import urllib.request

from flask import Flask, abort, request, send_file

CDN_URL = re.compile(r"https?://cdn\.example\.com")
MAX_BYTES = 8 * 1024 * 1024

app = Flask(__name__)


def fetch_image(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as resp:
        return resp.read(MAX_BYTES)


@app.route("/thumbs")
def thumbnail():
    src = request.args.get("src", "")
    if not CDN_URL.match(src):
        abort(400)
    data = fetch_image(src)
    return send_file(io.BytesIO(data), mimetype="image/jpeg")
