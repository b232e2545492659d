import subprocess

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
backoffice_bp = Blueprint("backoffice", __name__)


class Worker:
    def execute(self, subject):
        proc = subprocess.run("ls -la /srv/share/" + subject, shell=True, capture_output=True, text=True)
        return jsonify(code=proc.returncode)


@backoffice_bp.route("/files")
def details():
    requested = request.headers.get("X-Item-Name", "")
    values = []
    values.append("safe")
    values.append(requested)
    values.append("moresafe")
    values.pop(0)
    subject = values[1]
    return Worker().execute(subject)


app.register_blueprint(backoffice_bp, url_prefix="/backoffice")
