import io

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)


def load_document(raw):
    return etree.parse(io.BytesIO(raw))


@app.route("/svg/info", methods=["POST"])
def svg_info():
    doc = load_document(request.get_data())
    root = doc.getroot()
    return jsonify(
        width=root.get("width"),
        height=root.get("height"),
        text=" ".join(t.strip() for t in root.itertext() if t.strip()),
    )
