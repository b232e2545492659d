import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)
BACKUP_ROOT = "/srv/backups"


@app.route("/backup", methods=["POST"])
def backup():
    folder = request.form["folder"]
    cmd = "tar czf " + BACKUP_ROOT + "/latest.tgz -C /srv/data " + folder
    result = subprocess.run(["sh", "-c", cmd], capture_output=True, text=True)
    return jsonify(code=result.returncode, stderr=result.stderr)
