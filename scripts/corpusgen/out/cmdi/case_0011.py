import os

from flask import Flask, jsonify, request

from corpuslib.sanitize import tidy

app = Flask(__name__)


@app.route("/media/widgets")
def status():
    client_value = request.args.get("q", "")
    mapping = {k: client_value for k in ("primary", "secondary")}
    field = mapping["secondary"]
    code = os.system("host " + tidy(field))
    return jsonify(code=code)
