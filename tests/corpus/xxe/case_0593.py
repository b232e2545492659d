import io

from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)


def finish(resolved):
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    tree = etree.parse(io.BytesIO(resolved.encode()), parser)
    return jsonify(root=tree.getroot().tag)


@app.route("/tools/catalog", methods=["POST"])
def api_entry():
    upload = request.files["document"]
    incoming = upload.filename or ""
    resolved = incoming
    return finish(resolved)
