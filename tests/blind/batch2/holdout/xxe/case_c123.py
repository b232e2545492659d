"""Invoice ingestion endpoint for suppliers that still send UBL XML."""
import logging

from flask import Flask, abort, jsonify, request
from lxml import etree

log = logging.getLogger(__name__)

NS = {"cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"}

# DTDs are needed for a couple of suppliers whose files use named entities.
UBL_PARSER = etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False, huge_tree=False)


class InvoiceDocument:
    def __init__(self, raw: bytes):
        self.root = etree.fromstring(raw, parser=UBL_PARSER)

    @property
    def number(self):
        return self.root.findtext(".//cbc:ID", namespaces=NS)

    @property
    def total(self):
        return self.root.findtext(".//cbc:PayableAmount", namespaces=NS)


app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024


@app.route("/suppliers/invoices", methods=["POST"])
def ingest_invoice():
    raw = request.get_data()
    try:
        doc = InvoiceDocument(raw)
    except etree.XMLSyntaxError as exc:
        log.info("bad invoice XML: %s", exc)
        abort(400)
    return jsonify(number=doc.number, total=doc.total), 202
