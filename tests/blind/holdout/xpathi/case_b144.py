from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
INVENTORY = etree.parse("inventory.xml").getroot()


@app.route("/stock")
def stock():
    try:
        sku = int(request.args.get("sku", ""))
    except ValueError:
        return jsonify(error="sku must be numeric"), 400
    item = INVENTORY.find(f".//item[@sku='{sku}']")
    if item is None:
        return jsonify(found=False), 404
    return jsonify(found=True, qty=item.findtext("qty"), location=item.findtext("bin"))
