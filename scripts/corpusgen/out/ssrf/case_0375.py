import urllib3

from flask import Flask, jsonify, request

from corpuslib.text import pick

app = Flask(__name__)


@app.get("/export")
def index_view():
    if "prefs" not in request.cookies:
        return "missing cookie", 400
    incoming = request.cookies["prefs"]
    target = pick(["fixed", incoming], 1)
    http = urllib3.PoolManager()
    resp = http.request("GET", target, timeout=5.0)
    return jsonify(status=resp.status)
