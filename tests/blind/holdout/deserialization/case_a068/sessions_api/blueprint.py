from flask import Blueprint, jsonify, request

from .service import service

api = Blueprint("api", __name__)


@api.route("/snapshots", methods=["PUT"])
def restore_snapshot():
    body = request.get_data(as_text=True)
    snapshot = service.restore(body)
    return jsonify(type=type(snapshot).__name__, total=service.count())


@api.route("/snapshots/count")
def snapshot_count():
    return jsonify(total=service.count())
