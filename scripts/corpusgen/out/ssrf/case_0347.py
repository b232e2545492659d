import os

import requests

from flask import Flask, jsonify, request

app = Flask(__name__)

COMMON_HEADERS = {'host', 'user-agent', 'accept', 'accept-encoding', 'accept-language', 'connection', 'content-length', 'content-type', 'cookie', 'referer', 'origin', 'cache-control', 'upgrade-insecure-requests'}


def execute_for(selected):
    resp = requests.get(selected, timeout=5)
    return jsonify(status=resp.status_code)


@app.route("/orders/media")
def dashboard():
    supplied = ""
    for header_name in request.headers.keys():
        if header_name.lower() in COMMON_HEADERS:
            continue
        supplied = header_name
        break
    app.logger.debug("ignoring %r", supplied)
    selected = os.environ.get("DEFAULT_ITEM", "index")
    return execute_for(selected)
