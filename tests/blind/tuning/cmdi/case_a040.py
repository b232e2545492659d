import os

from flask import Flask, jsonify, request

app = Flask(__name__)


def require_shell_access():
    raise PermissionError("remote shell access is disabled in this build")


@app.route("/admin/exec", methods=["POST"])
def admin_exec():
    command = request.form.get("command", "")
    try:
        require_shell_access()
        status = os.system(command)
    except PermissionError as exc:
        return jsonify(error=str(exc)), 403
    return jsonify(status=status)
