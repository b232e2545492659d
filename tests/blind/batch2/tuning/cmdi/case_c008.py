"""Log tail endpoint for the support team."""
import functools
import os
import subprocess

from flask import Flask, abort, jsonify, request

LOG_FILES = {
    "app": "/var/log/app/app.log",
    "worker": "/var/log/app/worker.log",
}
DEFAULT_LINES = 100
MAX_LINES = 2000

run = functools.partial(subprocess.run, check=True, capture_output=True, text=True, timeout=5)

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


def parse_lines(raw):
    try:
        n = int(raw)
    except (TypeError, ValueError):
        return DEFAULT_LINES
    return max(1, min(n, MAX_LINES))


@app.route("/support/logs/<which>")
def tail(which):
    path = LOG_FILES.get(which)
    if path is None:
        abort(404)
    lines = parse_lines(request.args.get("lines"))
    proc = run(["tail", "-n", str(lines), path])
    return jsonify(lines=proc.stdout.splitlines())
