"""Avatar proxy: username is a single, fully-encoded path segment."""
import os
import re
from urllib.parse import quote

import requests
from flask import Flask, Response, abort, request

AVATAR_SERVICE = os.environ.get("AVATAR_SERVICE", "https://avatars.internal.example.com")

USERNAME_RE = re.compile(r"[A-Za-z0-9_-]{1,40}")

app = Flask(__name__)


def avatar_url(username: str, size: int) -> str:
    return f"{AVATAR_SERVICE}/users/{quote(username, safe='')}/avatar.png?size={size}"


@app.route("/avatar")
def avatar():
    username = request.args.get("user", "")
    size = request.args.get("size", 64, type=int)
    if not USERNAME_RE.fullmatch(username) or size not in (32, 64, 128):
        abort(400)
    upstream = requests.get(avatar_url(username, size), timeout=3)
    if upstream.status_code != 200:
        abort(404)
    return Response(upstream.content, mimetype="image/png")
