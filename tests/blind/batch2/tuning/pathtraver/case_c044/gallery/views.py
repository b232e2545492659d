from flask import Blueprint, abort, current_app, jsonify, request, send_file
from werkzeug.security import safe_join

from .uploads import save_upload

bp = Blueprint("gallery", __name__)


@bp.route("/photos", methods=["POST"])
def upload():
    name = save_upload(request.files["photo"])
    if name is None:
        abort(400)
    return jsonify(name=name), 201


@bp.route("/photos/<path:name>")
def photo(name):
    path = safe_join(current_app.config["UPLOAD_FOLDER"], name)
    if path is None:
        abort(404)
    try:
        return send_file(path)
    except FileNotFoundError:
        abort(404)
