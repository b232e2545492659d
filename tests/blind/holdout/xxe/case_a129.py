import io
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges

from flask import Flask, jsonify, request

app = Flask(__name__)


class TitleCollector(ContentHandler):
    def __init__(self):
        super().__init__()
        self.titles = []
        self._buf = None

    def startElement(self, name, attrs):
        if name == "title":
            self._buf = []

    def characters(self, content):
        if self._buf is not None:
            self._buf.append(content)

    def endElement(self, name):
        if name == "title" and self._buf is not None:
            self.titles.append("".join(self._buf))
            self._buf = None


@app.route("/catalog/titles", methods=["POST"])
def titles():
    handler = TitleCollector()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(request.get_data()))
    return jsonify(titles=handler.titles)
