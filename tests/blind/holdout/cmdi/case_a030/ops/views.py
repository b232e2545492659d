import subprocess

from flask import abort, current_app, jsonify
from flask.views import View


class ServiceControl(View):
    methods = ["POST"]

    def dispatch_request(self, service, action):
        commands = current_app.config["SERVICE_COMMANDS"]
        try:
            command = commands[(service, action)]
        except KeyError:
            abort(404)
        proc = subprocess.Popen(command, shell=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        out, _ = proc.communicate(timeout=30)
        return jsonify(service=service, action=action, output=out.decode(errors="replace"))
