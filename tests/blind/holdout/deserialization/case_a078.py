import base64
import json
import pickle

from flask import Flask, jsonify, request

app = Flask(__name__)

LEGACY_PICKLE_PREFS = False


@app.route("/prefs")
def prefs():
    raw = request.cookies.get("prefs", "")
    if not raw:
        return jsonify({})
    decoded = base64.b64decode(raw)
    if LEGACY_PICKLE_PREFS:
        data = pickle.loads(decoded)
    else:
        data = json.loads(decoded)
    return jsonify(data)
