import os

from flask import Blueprint, Flask, request

app = Flask(__name__)
backoffice_bp = Blueprint("backoffice", __name__)


def build_response(bar):
    os.system(f"convert /srv/img/in.png -resize {bar} /tmp/out.png")
    return "resized"


@backoffice_bp.route("/tools", methods=["POST"])
def export():
    client_value = request.form["username"]
    bar = client_value.strip()
    return build_response(bar)


app.register_blueprint(backoffice_bp, url_prefix="/backoffice")
