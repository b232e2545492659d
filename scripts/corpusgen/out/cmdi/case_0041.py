import os

from flask import Flask, jsonify

app = Flask(__name__)


def run_action(target):
    with os.popen("wc -l /var/log/app/%s" % target) as pipe:
        count = pipe.read()
    return jsonify(lines=count.strip())


@app.route("/docs/<path:given>")
def dashboard(given):
    first, second = given, "fixed"
    target = first if second else ""
    return run_action(target)
