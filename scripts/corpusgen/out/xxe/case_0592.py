from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/admin")
def show():
    auth = request.authorization
    req_value = auth.username if auth and auth.username else "anonymous"
    value = "{}".format(req_value)
    doc = etree.XML(value.encode("utf-8"))
    return jsonify(children=len(doc))
