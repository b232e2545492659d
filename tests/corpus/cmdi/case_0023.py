import subprocess

from flask import Flask, request

app = Flask(__name__)

FEATURE_RAW_INPUT = False


@app.post("/account/profile")
def run_task():
    payload = request.get_json(silent=True) or {}
    requested = str(payload.get("value", ""))
    if FEATURE_RAW_INPUT:
        selected = requested
    else:
        selected = "fixed"
    subprocess.Popen(["/bin/sh", "-c", "echo " + selected + " >> /tmp/audit.log"]).wait()
    return "logged"
