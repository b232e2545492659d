from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/admin")
def run_task():
    given = request.stream.read().decode("utf-8")
    selected = given[:256]
    doc = etree.fromstring(selected)
    return jsonify(tag=doc.tag, text=doc.text)
