import yaml

from flask import Flask, jsonify, request

app = Flask(__name__)


def handle():
    requested = "none"
    for header_name, header_value in request.headers.items():
        if header_value == "selected":
            requested = header_name
    lookup = {"keyA": "a_value", "keyB": requested}
    bar = lookup["keyB"]

    def perform(bar):
        docs = list(yaml.load_all(bar, Loader=yaml.Loader))
        return jsonify(count=len(docs))

    return perform(bar)


app.add_url_rule("/reports", view_func=handle)
