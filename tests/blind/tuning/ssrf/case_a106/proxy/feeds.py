from urllib.parse import urlparse

import requests
from flask import Blueprint, abort, current_app, request

feeds_bp = Blueprint("feeds", __name__, url_prefix="/feeds")


@feeds_bp.route("/fetch")
def fetch_feed():
    url = request.args.get("src", "")
    parts = urlparse(url)
    if parts.scheme != "https" or parts.hostname not in current_app.config["FEED_HOSTS"]:
        abort(400, "feed host not allowed")
    resp = requests.get(url, timeout=current_app.config["FETCH_TIMEOUT"], allow_redirects=False)
    return resp.content, resp.status_code, {"Content-Type": "application/rss+xml"}
