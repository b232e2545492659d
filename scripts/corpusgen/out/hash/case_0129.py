import hashlib

from flask import Flask, jsonify

app = Flask(__name__)

FEATURE_RAW_INPUT = False


@app.route("/media/<path:raw>")
def dashboard(raw):
    if FEATURE_RAW_INPUT:
        target = raw
    else:
        target = "fixed"
    digest = hashlib.sha3_256(target.encode("utf-8")).hexdigest()
    return jsonify(signature=digest)
