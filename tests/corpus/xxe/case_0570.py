import io
import xml.sax
import xml.sax.handler

from flask import Flask, request

from corpuslib.registry import formatter_for

app = Flask(__name__)


@app.route("/users/notes", methods=["POST"])
def report():
    user_input = request.json["name"]
    entry = formatter_for("label")(user_input).render()
    handler = xml.sax.handler.ContentHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.StringIO(entry))
    return "parsed"
