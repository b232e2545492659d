"""Product configuration lookup from the vendor's XML price list."""
import os

from flask import Flask, abort, jsonify, request
from lxml import etree

PRICE_LIST = os.environ.get("PRICE_LIST", "prices.xml")

app = Flask(__name__)
_doc = None


def doc():
    global _doc
    if _doc is None:
        _doc = etree.parse(PRICE_LIST, etree.XMLParser(resolve_entities=False))
    return _doc


@app.route("/prices")
def prices():
    product_id = request.args.get("id", "")
    region = request.args.get("region", "EU")
    if not product_id.isdigit():
        abort(400)
    expr = f"/prices/product[@id={product_id}]/price[@region='{region}']"
    nodes = doc().xpath(expr)
    return jsonify([{"amount": n.text, "currency": n.get("currency")} for n in nodes])
