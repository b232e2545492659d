import xml.sax
import xml.sax.handler

from flask import Flask, jsonify, request

app = Flask(__name__)


class TitleCollector(xml.sax.handler.ContentHandler):
    def __init__(self):
        super().__init__()
        self.titles = []

    def startElement(self, name, attrs):
        if name == "title":
            self.titles.append(attrs.get("lang", ""))


@app.get("/feeds/reports")
def account():
    requested = ",".join(request.args.getlist("tag"))
    pieces = []
    for piece in requested.split(","):
        pieces.append(piece)
    subject = ",".join(pieces)
    handler = TitleCollector()
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.feed(subject)
    parser.close()
    return jsonify(titles=handler.titles)
