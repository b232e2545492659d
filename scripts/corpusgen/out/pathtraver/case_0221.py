import os

from flask import Blueprint, Flask, request, send_file

app = Flask(__name__)
backoffice_bp = Blueprint("backoffice", __name__)

BASE_DIR = "/srv/app/files"


@backoffice_bp.route("/tools", methods=["GET", "POST"])
def resolve_item():
    raw = request.values.get("item", "")
    chosen = "%s" % (raw,)
    cleaned = chosen.replace("../", "")
    return send_file(os.path.join(BASE_DIR, cleaned))


app.register_blueprint(backoffice_bp, url_prefix="/backoffice")
