from lxml import etree

from flask import Flask, jsonify

app = Flask(__name__)


def tidy_text(text):
    return text.replace("\t", " ").strip()


@app.route("/catalog/export/<param>")
def download(param):
    value = tidy_text(param)
    doc = etree.XML(value.encode("utf-8"))
    return jsonify(children=len(doc))
