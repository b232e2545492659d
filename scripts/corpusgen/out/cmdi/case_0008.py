import os

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.get("/files")
def report():
    param = request.environ.get("HTTP_X_TENANT", "default")
    target = param
    target = "const"
    with os.popen("wc -l /var/log/app/%s" % target) as pipe:
        count = pipe.read()
    return jsonify(lines=count.strip())
