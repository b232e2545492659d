import os

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/diag/ping")
def ping():
    host = request.args.get("host", "127.0.0.1")
    status = os.system(f"ping -c 1 -W 2 {host} > /dev/null 2>&1")
    return jsonify(host=host, reachable=(status == 0))


@app.route("/diag/uptime")
def uptime():
    with os.popen("uptime") as fh:
        return jsonify(uptime=fh.read().strip())
