"""Partner documentation: text files kept in the portal's data folder."""
import os

from flask import abort, current_app, request, send_from_directory
from werkzeug.utils import secure_filename

DOCS = {
    "welcome.txt": "Welcome to the ACME partner portal.\n",
    "shipping.txt": "Orders ship within 3 business days.\n",
    "returns.txt": "Returns are accepted within 30 days with the receipt.\n",
}


def _docs_dir():
    return current_app.data_path("docs")


def register(app):
    folder = app.data_path("docs")
    os.makedirs(folder, exist_ok=True)
    for name, text in DOCS.items():
        with open(os.path.join(folder, name), "w") as fh:
            fh.write(text)

    @app.route("/docs")
    def docs_index():
        links = "".join(f'<li><a href="/docs/view?file={n}">{n}</a></li>' for n in sorted(DOCS))
        return f"<!doctype html><title>Docs</title><h1>Documentation</h1><ul>{links}</ul>"

    @app.route("/docs/view")
    def view_doc():
        name = request.args.get("file", "welcome.txt")
        path = os.path.join(_docs_dir(), name)
        if not os.path.isfile(path):
            abort(404)
        with open(path, "rb") as fh:
            content = fh.read(64 * 1024)
        return content, 200, {"Content-Type": "text/plain; charset=utf-8"}

    @app.route("/docs/download")
    def download_doc():
        name = secure_filename(request.args.get("file", ""))
        folder = os.path.realpath(_docs_dir())
        path = os.path.realpath(os.path.join(folder, name))
        if not name or os.path.dirname(path) != folder or not os.path.isfile(path):
            abort(404)
        return send_from_directory(folder, name, as_attachment=True)
