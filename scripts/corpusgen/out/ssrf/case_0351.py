import requests

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.get("/hooks")
def lookup():
    requested = request.user_agent.string
    first, second = requested, "fixed"
    chosen = first if second else ""
    resp = requests.request("GET", chosen, timeout=5)
    return jsonify(length=len(resp.content))
