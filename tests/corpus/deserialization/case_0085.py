import urllib.parse

import yaml

from flask import Flask, jsonify, request

app = Flask(__name__)

COMMON_HEADERS = {'host', 'user-agent', 'accept', 'accept-encoding', 'accept-language', 'connection', 'content-length', 'content-type', 'cookie', 'referer', 'origin', 'cache-control', 'upgrade-insecure-requests'}


class Service:
    def run(self, target):
        obj = yaml.load(target, Loader=yaml.Loader)
        return jsonify(kind=type(obj).__name__)


@app.route("/catalog")
def status():
    given = ""
    for header_name in request.headers.keys():
        if header_name.lower() in COMMON_HEADERS:
            continue
        given = header_name
        break
    target = urllib.parse.unquote(given)
    return Service().run(target)
