import requests

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/preview", methods=["POST"])
def dashboard():
    supplied = request.form.get("comment", "")
    target = supplied[:256]
    resp = requests.post(target, json={"ping": True}, timeout=5)
    return jsonify(status=resp.status_code)
