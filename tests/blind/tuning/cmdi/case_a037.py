import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/toolchain/version")
def tool_version():
    tool = request.args.get("tool", "gcc")
    try:
        out = subprocess.run([tool, "--version"], capture_output=True, text=True, timeout=5)
    except FileNotFoundError:
        return jsonify(error="not installed"), 404
    return jsonify(tool=tool, version=out.stdout.splitlines()[:1])
