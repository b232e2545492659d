"""Export endpoint that bundles a project directory into a tarball."""
import os
import re
import subprocess
import tempfile
from pathlib import Path

from flask import Flask, abort, current_app, send_file

PROJECT_NAME = re.compile(r"[a-z][a-z0-9_-]{0,39}")


class Config:
    PROJECTS_ROOT = os.environ.get("PROJECTS_ROOT", "/srv/projects")
    TAR_BIN = "/usr/bin/tar"


def create_app():
    app = Flask(__name__)
    app.config.from_object(Config)

    @app.route("/projects/<name>/export", methods=["POST"])
    def export_project(name):
        if not PROJECT_NAME.fullmatch(name):
            abort(404)
        root = Path(current_app.config["PROJECTS_ROOT"])
        if not (root / name).is_dir():
            abort(404)
        out = Path(tempfile.mkdtemp()) / f"{name}.tar.gz"
        argv = [current_app.config["TAR_BIN"], "-czf", str(out), "-C", str(root), "--", name]
        try:
            subprocess.run(argv, check=True, timeout=120)
        except subprocess.CalledProcessError:
            current_app.logger.exception("tar failed for %s", name)
            abort(500)
        return send_file(out, as_attachment=True, download_name=out.name)

    return app


app = create_app()
