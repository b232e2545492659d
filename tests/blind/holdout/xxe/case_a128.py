from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)

PARSER = etree.XMLParser(load_dtd=False, resolve_entities=False, no_network=True,
                         remove_blank_text=True)


@app.route("/invoices/upload", methods=["POST"])
def upload_invoice():
    upload = request.files.get("invoice")
    if upload is None:
        abort(400)
    tree = etree.parse(upload.stream, PARSER)
    root = tree.getroot()
    return jsonify(
        number=root.findtext("number"),
        total=root.findtext("total"),
        customer=root.findtext("customer/name"),
    )
