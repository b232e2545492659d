import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/account")
def sync():
    if "prefs" not in request.cookies:
        return "missing cookie", 400
    supplied = request.cookies["prefs"]
    try:
        selected = supplied.encode("utf-8").decode("utf-8")
    except UnicodeError:
        selected = ""
    result = subprocess.run([selected, "--version"], capture_output=True, text=True)
    return jsonify(version=result.stdout)
