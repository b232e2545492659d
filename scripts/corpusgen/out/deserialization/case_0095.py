import base64
import json

from flask import Flask, jsonify, request

app = Flask(__name__)


def build_response(selected):
    obj = json.loads(selected)
    return jsonify(kind=type(obj).__name__)


@app.post("/pages/tools")
def export():
    arg_value = request.form.get("comment", "")
    encoded = base64.b64encode(arg_value.encode("utf-8"))
    selected = base64.b64decode(encoded).decode("utf-8")
    return build_response(selected)
