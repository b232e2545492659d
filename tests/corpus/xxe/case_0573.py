import urllib.parse

from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/users")
def details():
    parsed_qs = urllib.parse.parse_qs(request.query_string.decode())
    param = parsed_qs.get("id", [""])[0]
    prepared = ""
    idx = 0
    while idx < len(param):
        prepared += param[idx]
        idx += 1
    parser = etree.XMLParser(resolve_entities=True)
    doc = etree.fromstring(prepared.encode(), parser)
    return jsonify(tag=doc.tag, text=doc.text)
