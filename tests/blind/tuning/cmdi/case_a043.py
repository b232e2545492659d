import subprocess

from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/quota/<path:folder>")
def quota(folder):
    summary = subprocess.getoutput(f"du -sh /home/shared/{folder}")
    size = summary.split()[0] if summary else "0"
    return jsonify(folder=folder, size=size)
