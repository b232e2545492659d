import os

from flask import abort, current_app, send_file


def export_path(relpath):
    return os.path.join(current_app.config["EXPORT_DIR"], relpath)


def serve_export(relpath):
    path = export_path(relpath)
    if not os.path.isfile(path):
        abort(404)
    return send_file(path, mimetype=current_app.config["EXPORT_MIMETYPE"], as_attachment=True)


def list_exports():
    return sorted(os.listdir(current_app.config["EXPORT_DIR"]))
