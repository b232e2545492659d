"""Link preview service for the chat app."""
import logging
import re

import requests
from flask import Blueprint, Flask, abort, jsonify, request

log = logging.getLogger(__name__)

TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
USER_AGENT = "ChatPreviewBot/1.2"

previews = Blueprint("previews", __name__)


class PreviewFetcher:
    timeout = 4

    def __init__(self, session=None):
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT

    def fetch(self, url):
        resp = self.session.get(url, timeout=self.timeout, allow_redirects=True)
        resp.raise_for_status()
        match = TITLE_RE.search(resp.text[:65536])
        return {"url": resp.url, "title": match.group(1).strip() if match else None}


@previews.route("/preview", methods=["POST"])
def preview():
    url = (request.get_json(silent=True) or {}).get("url", "")
    if not url.startswith(("http://", "https://")):
        abort(400)
    try:
        return jsonify(PreviewFetcher().fetch(url))
    except requests.RequestException as exc:
        log.info("preview failed for %s: %s", url, exc)
        return jsonify(error="unreachable"), 502


def create_app():
    app = Flask(__name__)
    app.register_blueprint(previews, url_prefix="/api")
    return app


app = create_app()
