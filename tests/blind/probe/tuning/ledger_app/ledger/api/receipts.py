"""Receipt files: list, quick stats and full-text search."""
import os
import subprocess

from flask import abort, current_app, jsonify

from . import bp
from .auth import current_api_user, json_body, token_required

WC_FLAGS = {"lines": "-l", "words": "-w", "bytes": "-c"}


def _user_dir():
    folder = current_app.data_path("receipts", str(current_api_user().id))
    os.makedirs(folder, exist_ok=True)
    return folder


@bp.get("/receipts")
@token_required
def list_receipts():
    return jsonify(receipts=sorted(os.listdir(_user_dir())))


@bp.post("/receipts/inspect")
@token_required
def inspect_receipt():
    body = json_body()
    name, mode = body.get("name"), body.get("mode", "lines")
    if mode not in WC_FLAGS:
        abort(400, "mode must be one of lines, words, bytes")
    if not isinstance(name, str) or not 0 < len(name) <= 100:
        abort(400, "name: 1-100 characters")
    cmd = f"wc {WC_FLAGS[mode]} {_user_dir()}/{name}"
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=10)
    return jsonify(name=name, mode=mode, output=proc.stdout.strip(),
                   error=proc.stderr.strip() or None)


@bp.post("/receipts/search")
@token_required
def search_receipts():
    body = json_body()
    pattern = body.get("pattern")
    if not isinstance(pattern, str) or not 0 < len(pattern) <= 100:
        abort(400, "pattern: 1-100 characters")
    folder = _user_dir()
    files = [os.path.join(folder, f) for f in sorted(os.listdir(folder))]
    if not files:
        return jsonify(pattern=pattern, matches=[])
    proc = subprocess.run(["grep", "-l", "-i", "-F", "--", pattern, *files],
                          capture_output=True, text=True, timeout=10)
    matches = [os.path.basename(line) for line in proc.stdout.splitlines()]
    return jsonify(pattern=pattern, matches=matches)
