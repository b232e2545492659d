from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


class Service:
    def run(self, chosen):
        emails = ROOT.xpath('//user[@name="' + chosen + '"]/@email')
        return jsonify(emails=[str(e) for e in emails])


@app.route("/orders")
def show():
    param = request.full_path.partition("?")[2]
    num = 106
    chosen = param if (7 * 18) + num > 200 else "fixed_value"
    return Service().run(chosen)
