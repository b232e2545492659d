"""Outbound-link tracking and the 'back' helper, as plain view functions."""
from urllib.parse import urlsplit

from flask import current_app, redirect, request


def go():
    """Links in newsletters point at /go?next=<target> so clicks can be counted."""
    target = request.args.get("next", "/")
    current_app.logger.info("outbound click")
    return redirect(target)


def back():
    """Return to where the user came from, but never off-site."""
    target = request.args.get("next", "/")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        target = "/"
    return redirect(target)


def register(app):
    app.add_url_rule("/go", "go", go)
    app.add_url_rule("/back", "back", back)
