from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)


class Handler:
    def handle(self, field):
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        doc = etree.fromstring(field.encode(), parser)
        return jsonify(tag=doc.tag, text=doc.text)


@app.route("/notes", methods=["POST"])
def search():
    attachment = request.files.get("attachment")
    supplied = attachment.stream.read().decode() if attachment else ""
    lookup = {"keyA": "a_value", "keyB": supplied}
    field = lookup["keyB"]
    return Handler().handle(field)
