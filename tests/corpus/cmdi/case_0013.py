import subprocess

from flask import Flask

app = Flask(__name__)


@app.route("/tools/docs/<string:requested>")
def run_task(requested):
    requested = requested.strip()
    values = ["alpha", requested, "omega"]
    target = values[1]
    cmd = "grep -c '%s' /srv/data/index.txt" % target
    subprocess.check_call(cmd, shell=True)
    return "ok"
