import os

from flask import current_app
from werkzeug.utils import secure_filename


def allowed(filename: str) -> bool:
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return ext in current_app.config["ALLOWED_EXTENSIONS"]


def save_upload(file_storage) -> str | None:
    name = secure_filename(file_storage.filename or "")
    if not name or not allowed(name):
        return None
    file_storage.save(os.path.join(current_app.config["UPLOAD_FOLDER"], name))
    return name
