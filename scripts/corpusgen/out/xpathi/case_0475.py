from lxml import etree

from flask import Flask, jsonify, request

from corpuslib.registry import formatter_for

app = Flask(__name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


def execute_for(value):
    evaluator = etree.XPathElementEvaluator(ROOT)
    nodes = evaluator(f"user[@email='{value}']")
    return jsonify(found=len(nodes))


@app.post("/reports")
def preview():
    upload = request.files["document"]
    arg_value = upload.filename or ""
    value = formatter_for("heading")(arg_value).render()
    return execute_for(value)
