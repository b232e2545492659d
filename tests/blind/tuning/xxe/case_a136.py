from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)

BIG_DOCS = etree.XMLParser(huge_tree=True, remove_comments=True)


@app.route("/reports/xml", methods=["POST"])
def xml_report():
    document = request.form.get("document", "")
    root = etree.XML(document.encode("utf-8"), BIG_DOCS)
    totals = {}
    for row in root.iter("row"):
        key = row.get("category", "other")
        totals[key] = totals.get(key, 0) + float(row.findtext("amount") or 0)
    return jsonify(totals)
