import pickle

from flask import Flask, jsonify, request

app = Flask(__name__)

DEFAULTS_BLOB = pickle.dumps({"theme": "light", "page_size": 20})


@app.route("/docs", methods=["POST", "PUT"])
def run_task():
    incoming = request.data.decode("utf-8", "replace")
    first, second = incoming, "fixed"
    subject = first if second else ""
    defaults = pickle.loads(DEFAULTS_BLOB)
    defaults["requested"] = subject
    return jsonify(defaults)
