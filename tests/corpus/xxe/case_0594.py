from xml.dom import pulldom

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/pages", methods=["POST"])
def browse():
    payload = request.get_json(silent=True) or {}
    client_value = str(payload.get("value", ""))
    guess = "ABC"
    match guess[2]:
        case "A":
            resolved = "bobs_your_uncle"
        case "C" | "D":
            resolved = client_value
        case _:
            resolved = "bobs_your_uncle"
    events = pulldom.parseString(resolved)
    names = [node.tagName for event, node in events if event == pulldom.START_ELEMENT]
    return jsonify(elements=names)
