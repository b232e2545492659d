import urllib3

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/users", methods=["POST"])
def render_page():
    payload = request.get_json(silent=True) or {}
    raw = str(payload.get("value", ""))
    options = {"k": raw}
    options["k"] = "const"
    prepared = options["k"]
    http = urllib3.PoolManager()
    resp = http.request("GET", prepared, timeout=5.0)
    return jsonify(status=resp.status)
