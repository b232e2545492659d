import json

from flask import Flask, jsonify, request

app = Flask(__name__)


def finish(subject):
    value = json.loads(subject)
    return jsonify(value=value)


@app.get("/lookup/users")
def status():
    arg_value = ",".join(request.args.getlist("tag"))
    subject = arg_value.strip()
    return finish(subject)
