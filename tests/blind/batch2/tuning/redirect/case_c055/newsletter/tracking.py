from urllib.parse import urlparse

from flask import abort, current_app, redirect, request
from flask.views import View

from .stats import record_click


class ClickView(View):
    """Counts newsletter link clicks, then forwards the reader."""

    def validate(self, source, ref):
        if source not in current_app.config["CAMPAIGN_SOURCES"]:
            return False
        if ref and urlparse(ref).netloc not in ("", "news.example.com"):
            return False
        return True

    def dispatch_request(self):
        source = request.args.get("src", "email")
        ref = request.args.get("ref")
        url = request.args.get("u", "/")
        if not self.validate(source, ref):
            abort(400)
        record_click(source, url)
        return redirect(url)
