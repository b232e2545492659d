"""Device inventory lookup; the serial is syntax-checked before use."""
import os
import re

from flask import Flask, abort, jsonify, request
from lxml import etree

SERIAL_RE = re.compile(r"[A-Z0-9-]{4,20}")
INVENTORY_XML = os.environ.get("INVENTORY_XML", "inventory.xml")

app = Flask(__name__)


def inventory():
    return etree.parse(INVENTORY_XML, etree.XMLParser(resolve_entities=False, no_network=True))


@app.route("/devices/<serial>")
def device(serial):
    serial = serial.upper()
    if not SERIAL_RE.fullmatch(serial):
        abort(400)
    nodes = inventory().xpath(f"//device[@serial='{serial}']")
    if not nodes:
        abort(404)
    node = nodes[0]
    return jsonify(serial=serial, model=node.findtext("model"), site=node.findtext("site"))
