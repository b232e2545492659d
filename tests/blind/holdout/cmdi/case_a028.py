import os
import shlex

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/convert", methods=["POST"])
def convert():
    name = request.form.get("name", "document")
    fmt = request.form.get("format", "pdf")
    target = os.path.join("/srv/out", name)
    cmd = "soffice --headless --convert-to " + shlex.quote(fmt) + " " + shlex.quote(target)
    rc = os.system(cmd)
    return jsonify(rc=rc)
