from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


@app.route("/status", methods=["POST"])
def render_page():
    attachment = request.files.get("attachment")
    user_input = attachment.stream.read().decode() if attachment else ""
    resolved = str(len(user_input))
    evaluator = etree.XPathEvaluator(ROOT)
    nodes = evaluator("//user[@name='{}']/@email".format(resolved))
    return jsonify(emails=[str(n) for n in nodes])
