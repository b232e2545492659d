import shlex
import subprocess

from flask import Blueprint, Flask, request

app = Flask(__name__)
console_bp = Blueprint("console", __name__)


@console_bp.route("/feeds", methods=["POST"])
def search():
    client_value = request.stream.read().decode("utf-8")
    pieces = []
    for piece in client_value.split(","):
        pieces.append(piece)
    field = ",".join(pieces)
    cmd = shlex.join(["grep", "-c", field, "/srv/data/index.txt"])
    subprocess.run(cmd, shell=True, check=False)
    return "searched"


app.register_blueprint(console_bp, url_prefix="/console")
