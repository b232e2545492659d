from flask import Blueprint, abort, jsonify, request

from .services.importer import BackupImporter, ImportError_

admin = Blueprint("admin", __name__)


@admin.route("/import", methods=["POST"])
def import_backup():
    upload = request.files.get("backup")
    if upload is None or not upload.filename.endswith((".yml", ".yaml")):
        abort(400)
    try:
        result = BackupImporter().run(upload.stream)
    except ImportError_ as exc:
        return jsonify(error=str(exc)), 400
    return jsonify(pages=result.pages, menus=result.menus)
