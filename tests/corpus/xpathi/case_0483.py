from lxml import etree

from flask import Flask, jsonify

app = Flask(__name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


class Service:
    def run(self, entry):
        evaluator = etree.XPathElementEvaluator(ROOT)
        nodes = evaluator(f"user[@email='{entry}']")
        return jsonify(found=len(nodes))


def load(ident):
    incoming = str(ident)
    values = ["alpha", incoming, "omega"]
    entry = values[1]
    return Service().run(entry)


app.add_url_rule("/tasks/search/<uuid:ident>", view_func=load)
