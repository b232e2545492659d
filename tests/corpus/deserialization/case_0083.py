import yaml

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/orders/reports")
def inspect():
    arg_value = request.form["username"]
    values = ["alpha", arg_value, "omega"]
    target = values[1]
    docs = list(yaml.safe_load_all(target))
    return jsonify(count=len(docs))
