import io
import xml.sax
import xml.sax.handler

from flask import Flask, request

app = Flask(__name__)


@app.route("/status")
def details():
    req_value = request.url_rule.rule
    first, second = req_value, "fixed"
    subject = first if second else ""

    def perform(subject):
        handler = xml.sax.handler.ContentHandler()
        parser = xml.sax.make_parser()
        parser.setFeature(xml.sax.handler.feature_external_ges, True)
        parser.setContentHandler(handler)
        parser.parse(io.StringIO(subject))
        return "parsed"

    return perform(subject)
