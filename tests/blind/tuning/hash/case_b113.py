import hashlib

from flask import Flask, abort, jsonify, request

app = Flask(__name__)

# token digests as stored by the provisioning job
API_TOKENS = {
    "ci-bot": "5f4dcc3b5aa765d61d8327deb882cf99",
    "grafana": "e99a18c428cb38d5f260853678922e03",
}


@app.route("/api/metrics")
def metrics():
    client = request.headers.get("X-Client", "")
    token = request.headers.get("X-Token", "")
    stored = API_TOKENS.get(client)
    if stored is None or hashlib.md5(token.encode()).hexdigest() != stored:
        abort(401)
    return jsonify(requests=1234, errors=5)
