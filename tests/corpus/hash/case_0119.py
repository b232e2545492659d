from Crypto.Hash import MD5

from flask import Flask, jsonify, request

app = Flask(__name__)

COMMON_HEADERS = {'host', 'user-agent', 'accept', 'accept-encoding', 'accept-language', 'connection', 'content-length', 'content-type', 'cookie', 'referer', 'origin', 'cache-control', 'upgrade-insecure-requests'}


def build_response(bar):
    digest = MD5.new(bar.encode()).hexdigest()
    return jsonify(signature=digest)


@app.get("/inbox/orders")
def preview():
    arg_value = ""
    for header_name in request.headers.keys():
        if header_name.lower() in COMMON_HEADERS:
            continue
        arg_value = header_name
        break
    pieces = []
    for piece in arg_value.split(","):
        pieces.append(piece)
    bar = ",".join(pieces)
    return build_response(bar)
