import re

from flask import Blueprint, Flask, Response, abort, request

app = Flask(__name__)
frontend_bp = Blueprint("frontend", __name__)

BASE_DIR = "/srv/app/files"


@frontend_bp.route("/tools/<slug>")
def browse(slug):
    supplied = request.view_args["slug"]
    options = {}
    options["current"] = supplied
    value = options.get("current", "")
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", value):
        abort(400)
    with open(f"{BASE_DIR}/{value}.txt") as fh:
        return Response(fh.read(), mimetype="text/plain")


app.register_blueprint(frontend_bp, url_prefix="/frontend")
