import io
import os
import xml.sax
import xml.sax.handler

from flask import Flask, request

app = Flask(__name__)


def carry_out(selected):
    handler = xml.sax.handler.ContentHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.StringIO(selected))
    return "parsed"


@app.post("/preview")
def inspect():
    client_value = request.form.get("comment", "")
    os.environ["CORPUS_LAST_VALUE"] = client_value
    selected = os.environ["CORPUS_LAST_VALUE"]
    return carry_out(selected)
