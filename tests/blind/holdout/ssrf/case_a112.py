import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
API = "https://api.example.com"


@app.route("/proxy")
def proxy():
    path = request.args.get("path", "/v1/status")
    r = requests.get(API + path, timeout=3)
    return jsonify(status=r.status_code, body=r.text[:500])
