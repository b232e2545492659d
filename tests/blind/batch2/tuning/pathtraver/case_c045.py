"""Theme upload for the site builder."""
import os
from pathlib import Path

from flask import Flask, abort, current_app, jsonify, request

app = Flask(__name__)
app.config["THEME_DIR"] = os.environ.get("THEME_DIR", "/srv/sitebuilder/themes")


@app.route("/themes/<theme>/assets", methods=["POST"])
def upload_asset(theme):
    upload = request.files.get("asset")
    if upload is None:
        abort(400)
    root = Path(current_app.config["THEME_DIR"]).resolve()
    dest = root / theme / request.form.get("path", upload.filename)
    dest.parent.mkdir(parents=True, exist_ok=True)
    upload.save(dest)
    if not dest.resolve().is_relative_to(root):
        os.remove(dest)
        current_app.logger.warning("removed out-of-tree upload %s", dest)
        abort(400)
    return jsonify(stored=str(dest.relative_to(root))), 201
