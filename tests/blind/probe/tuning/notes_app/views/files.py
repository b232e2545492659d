import os

from flask import Blueprint, abort, current_app, g, request, send_from_directory
from werkzeug.utils import secure_filename

from . import login_required

bp = Blueprint("files", __name__)


@bp.route("/attachments/download")
@login_required
def download_attachment():
    name = request.args.get("name", "")
    path = os.path.join(current_app.workdir, "attachments", name)
    if not name or not os.path.isfile(path):
        abort(404)
    with open(path, "rb") as fh:
        data = fh.read(64 * 1024)
    return data, 200, {
        "Content-Type": "application/octet-stream",
        "Content-Disposition": "attachment",
    }


@bp.route("/exports/<name>")
@login_required
def download_export(name):
    folder = os.path.realpath(os.path.join(current_app.workdir, "exports"))
    safe = secure_filename(name)
    path = os.path.realpath(os.path.join(folder, safe))
    if not safe.startswith(f"{g.user.username}-"):  # users only get their own exports
        abort(404)
    if os.path.dirname(path) != folder or not os.path.isfile(path):
        abort(404)
    return send_from_directory(folder, safe, as_attachment=True)
