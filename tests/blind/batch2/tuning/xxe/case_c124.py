"""Invoice ingestion endpoint using defusedxml."""
import logging

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from flask import Flask, abort, jsonify, request

log = logging.getLogger(__name__)

NS = {"cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"}

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024


@app.route("/suppliers/invoices", methods=["POST"])
def ingest_invoice():
    try:
        root = fromstring(request.get_data(), forbid_dtd=True)
    except (ParseError, DefusedXmlException) as exc:
        log.info("rejected invoice XML: %s", exc)
        abort(400)
    return jsonify(
        number=root.findtext(".//cbc:ID", namespaces=NS),
        total=root.findtext(".//cbc:PayableAmount", namespaces=NS),
    ), 202
