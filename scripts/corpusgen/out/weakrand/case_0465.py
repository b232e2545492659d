import secrets

from flask import Flask, jsonify, request

app = Flask(__name__)

COMMON_HEADERS = {'host', 'user-agent', 'accept', 'accept-encoding', 'accept-language', 'connection', 'content-length', 'content-type', 'cookie', 'referer', 'origin', 'cache-control', 'upgrade-insecure-requests'}


def carry_out(entry):
    return jsonify(user=entry, api_key=secrets.token_urlsafe(32))


@app.route("/docs/widgets")
def load():
    req_value = ""
    for header_name in request.headers.keys():
        if header_name.lower() in COMMON_HEADERS:
            continue
        req_value = header_name
        break
    lookup = {"a": req_value, "b": "const"}
    entry = lookup["b"]
    return carry_out(entry)
