"""Published report viewer with a containment check on the resolved path."""
import os

from flask import Flask, abort, current_app, g, jsonify, request


def resolve_inside(base: str, *parts: str) -> str | None:
    base = os.path.realpath(base)
    candidate = os.path.realpath(os.path.join(base, *parts))
    if os.path.commonpath([base, candidate]) != base:
        return None
    return candidate


def create_app():
    app = Flask(__name__)
    app.config["REPORT_ROOT"] = os.environ.get("REPORT_ROOT", "/srv/reports")

    @app.before_request
    def load_report_dir():
        g.report_dir = os.path.join(current_app.config["REPORT_ROOT"], "published")

    @app.route("/reports/view")
    def view_report():
        name = request.args.get("name", "")
        path = resolve_inside(g.report_dir, name)
        if path is None or not os.path.isfile(path):
            abort(404)
        with open(path, encoding="utf-8") as fh:
            return jsonify(name=name, lines=fh.read().splitlines()[:500])

    return app


app = create_app()
