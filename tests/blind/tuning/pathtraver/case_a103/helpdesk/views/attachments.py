import os

from flask import abort, current_app, request, send_file


def _inside(root, candidate):
    root = os.path.realpath(root)
    candidate = os.path.realpath(candidate)
    return os.path.commonpath([root, candidate]) == root


def register(app):
    @app.route("/attachments/<ticket>/<path:name>")
    def attachment(ticket, name):
        root = current_app.config["ATTACHMENT_ROOT"]
        target = os.path.join(root, ticket, name)
        if not _inside(root, target):
            abort(404)
        if request.args.get("inline") == "1":
            return send_file(os.path.realpath(target))
        return send_file(os.path.realpath(target), as_attachment=True)
