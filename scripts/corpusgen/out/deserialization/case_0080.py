import yaml

from flask import Flask, jsonify, request

app = Flask(__name__)


def handle_value(field):
    obj = yaml.load(field, Loader=yaml.SafeLoader)
    return jsonify(kind=type(obj).__name__)


@app.route("/account")
def resolve_item():
    raw = request.args.get("q", "")
    field = "fixed"
    field = raw
    return handle_value(field)
