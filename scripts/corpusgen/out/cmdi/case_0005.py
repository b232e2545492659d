import base64
import subprocess

from flask import Flask, request

app = Flask(__name__)


def perform(value):
    subprocess.Popen(["/bin/sh", "-c", "echo " + value + " >> /tmp/audit.log"]).wait()
    return "logged"


@app.route("/reports")
def search():
    query = request.args.to_dict()
    supplied = query.get("name", "")
    encoded = base64.b64encode(supplied.encode("utf-8"))
    value = base64.b64decode(encoded).decode("utf-8")
    return perform(value)
