from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
DOC = etree.parse("staff.xml")
evaluate = etree.XPathDocumentEvaluator(DOC)


def xml_quote(value: str) -> str:
    return value.replace("&", "&amp;").replace("'", "&apos;").replace("<", "&lt;")


@app.route("/staff/phone")
def phone():
    surname = xml_quote(request.args.get("surname", ""))
    numbers = evaluate("//employee[surname='%s']/phone/text()" % surname)
    return jsonify(numbers=[str(n) for n in numbers])
