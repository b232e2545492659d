from pathlib import Path

from flask import Blueprint, Flask, Response, request

app = Flask(__name__)
portal_bp = Blueprint("portal", __name__)

BASE_DIR = "/srv/app/files"


@portal_bp.route("/status")
def preview():
    client_value = request.path
    first, second = client_value, "fixed"
    bar = first if second else ""
    text = Path(BASE_DIR, bar).read_text()
    return Response(text, mimetype="text/plain")


app.register_blueprint(portal_bp, url_prefix="/portal")
