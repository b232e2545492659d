import os

from flask import Response, request


def strip_parent_refs(name):
    return name.replace("../", "")


def read_chunks(path, size=8192):
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(size)
            if not chunk:
                break
            yield chunk


def register(app):
    @app.route("/logs/tail")
    def tail_log():
        name = strip_parent_refs(request.args.get("log", "app.log"))
        if name.startswith("/"):
            name = name.lstrip("/")
        path = os.path.join(app.config["LOG_DIR"], name)
        return Response(read_chunks(path), mimetype="text/plain")
