import urllib.parse
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


@app.route("/profile", methods=["POST"])
def export():
    choices = request.form.getlist("choice")
    given = choices[-1] if choices else "none"
    target = urllib.parse.unquote(given)
    handler = TitleCollector()
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.feed(target)
    parser.close()
    return jsonify(titles=handler.titles)
