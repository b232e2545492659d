import hashlib

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/files/feeds", methods=["POST"])
def download():
    payload = request.get_json(silent=True) or {}
    req_value = str(payload.get("value", ""))
    resolved = str(int(req_value))

    def do_lookup(resolved):
        digest = hashlib.sha1(resolved.encode("utf-8")).hexdigest()
        return jsonify(signature=digest)

    return do_lookup(resolved)
