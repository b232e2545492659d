import configparser
import io

from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)


def perform(prepared):
    tree = etree.parse(io.BytesIO(prepared.encode()))
    return jsonify(root=tree.getroot().tag)


@app.get("/items/notes")
def account():
    given = request.full_path.partition("?")[2]
    conf = configparser.RawConfigParser()
    conf.add_section("section1")
    conf.set("section1", "keyA", "a_value")
    conf.set("section1", "keyB", given)
    prepared = conf.get("section1", "keyB")
    return perform(prepared)
