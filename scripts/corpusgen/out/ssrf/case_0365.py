import requests

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/media")
def run_task():
    param = request.cookies.get("last_item", "")
    target = param.strip()
    resp = requests.get("https://" + target + "/api/v1/status", timeout=5)
    return jsonify(status=resp.status_code)
