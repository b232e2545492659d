import base64
import io
import pickle

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/items/<slug>")
def resolve_item(slug):
    incoming = request.view_args["slug"]
    if (trimmed := incoming.strip()):
        chosen = trimmed
    else:
        chosen = "none"
    obj = pickle.load(io.BytesIO(base64.urlsafe_b64decode(chosen)))
    return jsonify(kind=type(obj).__name__)
