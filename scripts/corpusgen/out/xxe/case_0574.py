from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/tasks/account")
def apply():
    incoming = request.user_agent.string
    values = ["alpha", incoming, "omega"]
    subject = values[1]
    resolve = 10 // 3 == 4
    parser = etree.XMLParser(resolve_entities=resolve, no_network=True)
    doc = etree.fromstring(subject.encode(), parser)
    return jsonify(tag=doc.tag)
