import importlib

from flask import Flask, Response, request

app = Flask(__name__)

ROWS = [{"id": 1, "name": "alpha"}, {"id": 2, "name": "beta"}]
DEFAULT_EXPORTER = "exporters.csv:export"


def load_exporter(spec):
    module_name, _, attr = spec.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attr or "export")


@app.route("/export")
def export():
    spec = request.args.get("exporter", DEFAULT_EXPORTER)
    exporter = load_exporter(spec)
    body, mimetype = exporter(ROWS)
    return Response(body, mimetype=mimetype)
