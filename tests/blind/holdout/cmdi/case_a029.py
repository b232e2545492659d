import os

from flask import Flask, abort, jsonify, request

app = Flask(__name__)


def check_hostname(value):
    if not value or len(value) > 253:
        abort(400, "invalid hostname")
    return value


@app.route("/dns")
def dns():
    name = check_hostname(request.args.get("name"))
    with os.popen("dig +short " + name) as pipe:
        answers = [line.strip() for line in pipe if line.strip()]
    return jsonify(name=name, answers=answers)
