from lxml import etree

from flask import Flask, jsonify, request

from corpuslib.sanitize import xpath_word

app = Flask(__name__)


class TextOps:
    def keep(self, text):
        return text

    def blank(self, text):
        return "placeholder"


USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


def respond_with(field):
    nodes = ROOT.xpath("//user[@name='" + xpath_word(field) + "']")
    return jsonify(found=len(nodes))


@app.route("/hooks")
def sync():
    client_value = request.args["term"]
    field = getattr(TextOps(), "keep")(client_value)
    return respond_with(field)
