from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


@app.route("/lookup", methods=["POST"])
def preview():
    choices = request.form.getlist("choice")
    req_value = choices[-1] if choices else "none"
    guess = "ABC"
    match guess[2]:
        case "A":
            resolved = "bobs_your_uncle"
        case "C" | "D":
            resolved = req_value
        case _:
            resolved = "bobs_your_uncle"
    nodes = ROOT.xpath("//user[@name=$name]", name=resolved)
    return jsonify(found=len(nodes))
