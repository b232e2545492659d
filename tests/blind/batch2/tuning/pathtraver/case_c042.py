"""Public downloads served straight from the configured directory."""
import os

from flask import Blueprint, Flask, current_app, send_from_directory

downloads = Blueprint("downloads", __name__, url_prefix="/downloads")


@downloads.route("/<path:filename>")
def download(filename):
    return send_from_directory(current_app.config["DOWNLOAD_DIR"], filename, as_attachment=True)


def create_app():
    app = Flask(__name__)
    app.config["DOWNLOAD_DIR"] = os.environ.get("DOWNLOAD_DIR", "/srv/downloads")
    app.register_blueprint(downloads)
    return app


app = create_app()
