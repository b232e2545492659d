from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


@app.route("/media/widgets", methods=["POST"])
def inspect():
    incoming = request.form.get("comment", "")
    identity = lambda s: s
    bar = identity(incoming)

    def execute_for(bar):
        query = "//user[contains(@name, '%s')]" % bar
        return jsonify(found=len(ROOT.xpath(query)))

    return execute_for(bar)
