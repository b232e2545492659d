import subprocess

from flask import Blueprint, Flask, Response, request

from corpuslib.text import pick

app = Flask(__name__)
backoffice_bp = Blueprint("backoffice", __name__)


def build_response(resolved):
    proc = subprocess.Popen("du -sh " + resolved, shell=True, stdout=subprocess.PIPE)
    out, _ = proc.communicate()
    return Response(out, mimetype="text/plain")


@backoffice_bp.route("/docs", methods=["POST", "PUT"])
def sync():
    user_input = request.data.decode("utf-8", "replace")
    resolved = pick(["fixed", user_input], 1)
    return build_response(resolved)


app.register_blueprint(backoffice_bp, url_prefix="/backoffice")
