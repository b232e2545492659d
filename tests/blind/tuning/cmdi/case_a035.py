import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/ci/changelog")
def changelog():
    ref = request.headers.get("X-Git-Ref", "HEAD")
    parts = ["git", "log", "--oneline", "-n", "20", ref]
    code = subprocess.call(" ".join(parts) + " > /tmp/changelog.txt", shell=True, cwd="/srv/repo")
    with open("/tmp/changelog.txt") as fh:
        return jsonify(code=code, lines=fh.read().splitlines())
