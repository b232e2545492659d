import base64
import pickle

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/feeds")
def export():
    incoming = request.method.lower()
    subject = incoming.strip()
    obj = pickle.loads(base64.b64decode(subject))
    return jsonify(kind=type(obj).__name__)
