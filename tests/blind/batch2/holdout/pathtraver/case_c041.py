"""Attachment downloads for the ticketing system."""
import logging
import os

from flask import Flask, abort, current_app, request, send_file

log = logging.getLogger(__name__)


class Settings:
    ATTACHMENT_DIR = os.environ.get("ATTACHMENT_DIR", "/var/lib/tickets/attachments")


def looks_like_traversal(name: str) -> bool:
    return ".." in name or name.startswith("~")


def create_app():
    app = Flask(__name__)
    app.config.from_object(Settings)

    @app.route("/attachments")
    def attachment():
        name = request.args.get("file", "")
        if not name or looks_like_traversal(name):
            log.warning("rejected attachment name %r", name)
            abort(400)
        path = os.path.join(current_app.config["ATTACHMENT_DIR"], name)
        if not os.path.isfile(path):
            abort(404)
        return send_file(path, as_attachment=True)

    return app


app = create_app()
