from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
TREE = etree.parse("products.xml")

SEARCHABLE = {"brand", "color", "category"}


@app.route("/products/filter")
def filter_products():
    field = request.args.get("field", "brand")
    value = request.args.get("value", "")
    if field not in SEARCHABLE:
        abort(400)
    expr = etree.XPath("//product[%s = $v]/@id" % field)
    ids = expr(TREE, v=value)
    return jsonify(field=field, ids=[str(i) for i in ids])
