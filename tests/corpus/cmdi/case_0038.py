import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/orders")
def show():
    client_value = "none"
    for header_name, header_value in request.headers.items():
        if header_value == "selected":
            client_value = header_name
    prepared = "fixed"
    prepared = client_value
    proc = subprocess.run("ls -la /srv/share/" + prepared, shell=True, capture_output=True, text=True)
    return jsonify(code=proc.returncode)
