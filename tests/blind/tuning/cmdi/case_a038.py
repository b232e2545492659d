import subprocess

from flask import Flask, abort, jsonify, request

app = Flask(__name__)

TOOLS = {
    "gcc": "/usr/bin/gcc",
    "python": "/usr/bin/python3",
    "node": "/usr/local/bin/node",
}


@app.route("/toolchain/version")
def tool_version():
    name = request.args.get("tool", "gcc")
    tool = TOOLS.get(name)
    if tool is None:
        abort(404)
    out = subprocess.run([tool, "--version"], capture_output=True, text=True, timeout=5)
    return jsonify(tool=name, version=out.stdout.splitlines()[:1])
