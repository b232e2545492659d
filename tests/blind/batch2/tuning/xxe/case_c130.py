"""OPML import for the feed reader via xml.sax with external entities off."""
import io
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges, feature_external_pes

from flask import Flask, abort, jsonify, request


class OutlineCollector(ContentHandler):
    def __init__(self):
        super().__init__()
        self.feeds = []

    def startElement(self, name, attrs):
        if name == "outline" and attrs.get("xmlUrl"):
            self.feeds.append({"title": attrs.get("title") or attrs.get("text"), "url": attrs.get("xmlUrl")})


def parse_opml(data: bytes):
    handler = OutlineCollector()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(data))
    return handler.feeds


app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024


@app.route("/reader/import-opml", methods=["POST"])
def import_opml():
    upload = request.files.get("opml")
    if upload is None:
        abort(400)
    try:
        feeds = parse_opml(upload.read())
    except xml.sax.SAXParseException:
        abort(400)
    return jsonify(imported=len(feeds), feeds=feeds[:20])
