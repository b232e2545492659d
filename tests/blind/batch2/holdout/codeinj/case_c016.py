"""Export endpoint with pluggable exporters loaded by module name."""
import importlib
import json
import logging

from flask import Flask, Response, abort, request

log = logging.getLogger(__name__)

EXPORTERS = frozenset({"csv", "xlsx", "ndjson"})
EXPORTER_PACKAGE = "exporters"

app = Flask(__name__)


def load_exporter(kind):
    if kind not in EXPORTERS:
        raise LookupError(kind)
    module = importlib.import_module(f"{EXPORTER_PACKAGE}.{kind}_exporter")
    return module.export


@app.route("/export/<kind>", methods=["POST"])
def export(kind):
    try:
        exporter = load_exporter(kind)
    except LookupError:
        abort(404)
    except ImportError:
        log.exception("exporter %s not installed", kind)
        abort(501)
    rows = json.loads(request.get_data(as_text=True) or "[]")
    if not isinstance(rows, list):
        abort(400)
    body, mimetype = exporter(rows)
    return Response(body, mimetype=mimetype)
