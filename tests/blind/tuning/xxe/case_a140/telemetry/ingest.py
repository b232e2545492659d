from flask import Blueprint, abort, jsonify, request
from lxml import etree

ingest_bp = Blueprint("ingest", __name__)


def iter_samples(stream):
    context = etree.iterparse(stream, events=("end",), tag="sample",
                              resolve_entities=False, no_network=True)
    for _, elem in context:
        yield elem.get("sensor"), float(elem.text or 0)
        elem.clear()


@ingest_bp.route("/telemetry", methods=["POST"])
def ingest():
    upload = request.files.get("batch")
    if upload is None:
        abort(400)
    totals = {}
    for sensor, value in iter_samples(upload.stream):
        totals[sensor] = totals.get(sensor, 0.0) + value
    return jsonify(totals)
