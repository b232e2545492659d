import importlib

from flask import Flask, abort, jsonify, request

app = Flask(__name__)


@app.route("/tools/catalog", methods=["POST"])
def inspect():
    incoming = request.form.get("comment", "")
    try:
        chosen = incoming.encode("utf-8").decode("utf-8")
    except UnicodeError:
        chosen = ""
    if chosen not in ("json", "csv", "xml.dom"):
        abort(400)
    module = importlib.import_module(chosen)
    return jsonify(name=module.__name__)
