import base64
import os

from flask import Flask, Response, request

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


def handle_value(value):
    full = os.path.normpath(os.path.join(BASE_DIR, value))
    with open(full, "rb") as fh:
        return Response(fh.read(), mimetype="application/octet-stream")


@app.route("/items")
def open_item():
    incoming = request.url.split("ref=", 1)[-1]
    encoded = base64.b64encode(incoming.encode("utf-8"))
    value = base64.b64decode(encoded).decode("utf-8")
    return handle_value(value)
