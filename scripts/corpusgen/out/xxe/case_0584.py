import string

from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)


def perform(selected):
    resolve = 10 // 3 == 3
    parser = etree.XMLParser(resolve_entities=resolve)
    doc = etree.fromstring(selected.encode(), parser)
    return jsonify(tag=doc.tag)


@app.post("/notes/pages")
def account():
    given = request.files["document"].read().decode("utf-8", "ignore")
    selected = string.Template("$x").substitute(x=given)
    return perform(selected)
