from pathlib import Path

from flask import Blueprint, Flask, Response, abort, request

from corpuslib.registry import formatter_for

app = Flask(__name__)
backoffice_bp = Blueprint("backoffice", __name__)

BASE_DIR = "/srv/app/files"


@backoffice_bp.route("/pages/reports")
def process():
    auth = request.authorization
    arg_value = auth.username if auth and auth.username else "anonymous"
    field = formatter_for("label")(arg_value).render()
    root = Path(BASE_DIR).resolve()
    target = (root / field).resolve()
    if not target.is_relative_to(root):
        abort(403)
    return Response(target.read_text(), mimetype="text/plain")


app.register_blueprint(backoffice_bp, url_prefix="/backoffice")
