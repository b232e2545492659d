import os

from flask import Flask, abort, jsonify, request

app = Flask(__name__)


@app.route("/workers/reload", methods=["POST"])
def reload_worker():
    pid = request.form.get("pid", "")
    try:
        pid_number = int(pid)
    except ValueError:
        abort(400)
    rc = os.system("kill -HUP %d" % pid_number)
    return jsonify(pid=pid_number, rc=rc)
