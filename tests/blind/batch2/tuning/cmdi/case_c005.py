"""Service control endpoint used by the admin panel."""
import shlex
import subprocess

from flask import Flask, abort, jsonify, request

app = Flask(__name__)

ACTIONS = {
    "status": "systemctl status {target} --no-pager",
    "restart": "sudo systemctl restart {target}",
    "logs": "journalctl -u {target} -n 200 --no-pager",
}


def build(action, target):
    template = ACTIONS[shlex.quote(action)] if action in ACTIONS else None
    if template is None:
        return None
    return template.format(target=target)


@app.route("/admin/services/<action>", methods=["POST"])
def service_action(action):
    target = request.form.get("unit", "")
    cmd = build(action, target)
    if cmd is None:
        abort(404)
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    return jsonify(rc=proc.returncode, out=proc.stdout[-4000:])
