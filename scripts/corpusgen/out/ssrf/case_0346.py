import requests

from flask import Flask, jsonify, request

app = Flask(__name__)


class Holder:
    def __init__(self, value):
        self.value = value


def process_value(field):
    with requests.Session() as http:
        resp = http.get(field, timeout=5)
    return jsonify(status=resp.status_code)


@app.route("/account/notes")
def submit():
    arg_value = "none"
    for header_name, header_value in request.headers.items():
        if header_value == "selected":
            arg_value = header_name
    field = Holder(arg_value).value
    return process_value(field)
