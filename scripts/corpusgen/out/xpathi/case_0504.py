from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


def perform(subject):
    evaluator = etree.XPathEvaluator(ROOT)
    nodes = evaluator("//user[@name=$n]/@email", n=subject)
    return jsonify(emails=[str(n) for n in nodes])


def check():
    arg_value = request.json["name"]
    if 7 * 6 > 10:
        subject = arg_value
    else:
        subject = "fixed"
    return perform(subject)


app.add_url_rule("/orders/preview", view_func=check, methods=["POST"])
