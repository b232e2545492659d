"""Site search results page, escaping every interpolated value."""
import logging

from flask import Flask, request
from markupsafe import escape

log = logging.getLogger(__name__)

DOCS = [
    {"title": "Getting started", "url": "/docs/start"},
    {"title": "Configuration", "url": "/docs/config"},
    {"title": "Deploying", "url": "/docs/deploy"},
]


def render_results(term, hits):
    items = "".join(f'<li><a href="{escape(d["url"])}">{escape(d["title"])}</a></li>' for d in hits)
    header = f"<h2>{len(hits)} result(s) for “{escape(term)}”</h2>"
    return f"<!doctype html><title>Search</title>{header}<ul>{items}</ul>"


app = Flask(__name__)


@app.route("/search")
def search():
    term = request.args.get("q", "")
    hits = [d for d in DOCS if term.lower() in d["title"].lower()]
    log.debug("search %r -> %d hits", term, len(hits))
    return render_results(term, hits)
