import os
import zipfile

from flask import Blueprint, abort, jsonify, request

from .formats import HANDLERS

bp = Blueprint("docimport", __name__)


@bp.route("/documents/import", methods=["POST"])
def import_document():
    upload = request.files.get("document")
    if upload is None or not upload.filename:
        abort(400)
    ext = os.path.splitext(upload.filename)[1].lower()
    handler = HANDLERS.get(ext)
    if handler is None:
        abort(415)
    try:
        text = handler(upload.read())
    except (zipfile.BadZipFile, KeyError):
        abort(400)
    return jsonify(chars=len(text), preview=text[:200])
