import importlib

from flask import Flask, Response, abort, request

app = Flask(__name__)

ROWS = [{"id": 1, "name": "alpha"}, {"id": 2, "name": "beta"}]
FORMATS = {"csv", "json", "xml"}


@app.route("/export")
def export():
    fmt = request.args.get("format", "csv").lower()
    if fmt not in FORMATS:
        abort(400, "unsupported format")
    module = importlib.import_module(f"exporters.{fmt}")
    body, mimetype = module.export(ROWS)
    return Response(body, mimetype=mimetype)
