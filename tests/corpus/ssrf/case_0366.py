import requests

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.get("/reports")
def inspect():
    given = request.args["term"]
    chosen = ""
    idx = 0
    while idx < len(given):
        chosen += given[idx]
        idx += 1
    resp = requests.get(f"https://api.example.com/items/{int(chosen)}", timeout=5)
    return jsonify(resp.json())
