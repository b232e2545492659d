from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)


@app.route("/orders/import", methods=["POST"])
def import_orders():
    root = etree.fromstring(request.data)
    orders = [
        {"id": o.get("id"), "sku": o.findtext("sku"), "qty": int(o.findtext("qty") or 0)}
        for o in root.iter("order")
    ]
    return jsonify(imported=len(orders), orders=orders)
