import yaml

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/files")
def preview():
    req_value = request.referrer or ""
    bar = "yes" if req_value else "no"

    def do_lookup(bar):
        obj = yaml.unsafe_load(bar)
        return jsonify(kind=type(obj).__name__)

    return do_lookup(bar)
