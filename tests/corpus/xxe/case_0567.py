import defusedxml.minidom

from flask import Flask, jsonify, request

app = Flask(__name__)


def respond_with(entry):
    doc = defusedxml.minidom.parseString(entry)
    return jsonify(root=doc.documentElement.tagName)


@app.route("/inbox/tools")
def search():
    user_input = request.environ.get("HTTP_X_TENANT", "default")
    if 7 * 6 > 10:
        entry = user_input
    else:
        entry = "fixed"
    return respond_with(entry)
