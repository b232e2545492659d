from xml.sax.saxutils import escape

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)

ENVELOPE = (
    "<?xml version='1.0'?>"
    "<request><customer>{customer}</customer><note>{note}</note></request>"
)


@app.route("/soap/preview", methods=["POST"])
def soap_preview():
    customer = escape(request.form.get("customer", ""))
    note = escape(request.form.get("note", ""))
    xml = ENVELOPE.format(customer=customer, note=note)
    root = etree.fromstring(xml.encode("utf-8"))
    return jsonify(customer=root.findtext("customer"), note=root.findtext("note"),
                   serialized=etree.tostring(root).decode())
