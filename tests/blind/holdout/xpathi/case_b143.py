from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
INVENTORY = etree.parse("inventory.xml").getroot()


@app.route("/stock")
def stock():
    sku = request.args.get("sku", "")
    item = INVENTORY.find(f".//item[@sku='{sku}']")
    if item is None:
        return jsonify(found=False), 404
    return jsonify(found=True, qty=item.findtext("qty"), location=item.findtext("bin"))
