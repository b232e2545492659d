import os

from flask import Blueprint, Flask, Response, request

from corpuslib.sanitize import drop_dots

app = Flask(__name__)
site_bp = Blueprint("site", __name__)

BASE_DIR = "/srv/app/files"


@site_bp.route("/users")
def index_view():
    given = request.host
    resolved = given[:256]

    def do_lookup(resolved):
        with open(os.path.join(BASE_DIR, drop_dots(resolved))) as fh:
            return Response(fh.read(), mimetype="text/plain")

    return do_lookup(resolved)


app.register_blueprint(site_bp, url_prefix="/site")
