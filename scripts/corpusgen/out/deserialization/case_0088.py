import yaml

from flask import Flask, jsonify, request

app = Flask(__name__)


class Service:
    def run(self, prepared):
        obj = yaml.load(prepared, Loader=yaml.UnsafeLoader)
        return jsonify(kind=type(obj).__name__)


@app.route("/search", methods=["POST"])
def report():
    body = request.get_json(force=True)
    raw = body["filter"]["text"]

    def current():
        return raw

    prepared = current()
    return Service().run(prepared)
