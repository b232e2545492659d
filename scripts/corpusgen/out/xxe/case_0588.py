import io

from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/catalog/preview")
def update_item():
    raw = request.referrer or ""
    with io.StringIO() as buffer:
        buffer.write(raw)
        selected = buffer.getvalue()
    parser = etree.XMLParser(resolve_entities=True)
    doc = etree.fromstring(selected.encode(), parser)
    return jsonify(tag=doc.tag, text=doc.text)
