from flask import Blueprint, abort, jsonify, request

from .services.importer import BackupImporter

admin = Blueprint("admin", __name__)


@admin.route("/import", methods=["POST"])
def import_backup():
    upload = request.files.get("backup")
    if upload is None or not upload.filename.endswith((".yml", ".yaml")):
        abort(400)
    result = BackupImporter().run(upload.stream)
    return jsonify(pages=result.pages, menus=result.menus)
