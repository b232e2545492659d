import os
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)
SHELL = os.environ.get("SHELL", "/bin/sh")


@app.route("/maintenance/<task>", methods=["POST"])
def maintenance(task):
    verbose = request.args.get("verbose") == "1"
    if task == "vacuum":
        cmd = "psql -d app -c 'VACUUM ANALYZE'"
    elif task == "rotate":
        cmd = "logrotate -f /etc/logrotate.d/app"
    else:
        cmd = "echo unknown task"
    if verbose:
        cmd = cmd + " 2>&1"
    out = subprocess.run([SHELL, "-c", cmd], capture_output=True, text=True)
    return jsonify(task=task, output=out.stdout)
