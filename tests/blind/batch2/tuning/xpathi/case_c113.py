"""Feed item search: constant XPath, user input only filters in Python."""
import os

from flask import Flask, jsonify, request
from lxml import etree

FEED_PATH = os.environ.get("FEED_PATH", "feed.xml")
ITEMS = etree.XPath("/rss/channel/item")

app = Flask(__name__)


def load_items():
    tree = etree.parse(FEED_PATH, etree.XMLParser(resolve_entities=False, no_network=True))
    for item in ITEMS(tree):
        yield {
            "title": item.findtext("title") or "",
            "link": item.findtext("link") or "",
            "category": item.findtext("category") or "",
        }


@app.route("/feed/search")
def search():
    term = request.args.get("q", "").casefold()
    category = request.args.get("category")
    results = [
        it
        for it in load_items()
        if term in it["title"].casefold() and (category is None or it["category"] == category)
    ]
    return jsonify(results[:50])
