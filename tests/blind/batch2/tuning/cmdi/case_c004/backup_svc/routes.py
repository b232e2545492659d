import os
import re
from datetime import datetime, timezone

from flask import Blueprint, current_app, jsonify, request

from .shell import pipeline, quote_all

api = Blueprint("backup", __name__)

COMPRESSORS = {
    "gzip": "gzip -6",
    "zstd": "zstd -q -T0",
    "none": "cat",
}


@api.route("/backups", methods=["POST"])
def create_backup():
    payload = request.get_json(silent=True) or {}
    database = payload.get("database", "")
    label = re.sub(r"[^a-z0-9-]", "", str(payload.get("label", "manual")).lower())[:32] or "manual"
    compressor = COMPRESSORS.get(payload.get("compression", "gzip"))
    if compressor is None or not database:
        return jsonify(error="bad request"), 400

    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    outfile = os.path.join(current_app.config["BACKUP_DIR"], f"{stamp}-{label}.sql")
    dump = quote_all(current_app.config["PG_DUMP"], "--dbname", database)
    result = pipeline(dump, compressor + " > " + shlex_path(outfile))
    if result.returncode != 0:
        current_app.logger.error("backup failed: %s", result.stderr)
        return jsonify(error="backup failed"), 500
    return jsonify(file=os.path.basename(outfile)), 201


def shlex_path(path):
    return quote_all(path)
