import json
from dataclasses import asdict, dataclass

from flask import Flask, abort, jsonify, request

app = Flask(__name__)


@dataclass
class Snapshot:
    name: str
    version: int
    payload: dict


@app.route("/snapshots", methods=["PUT"])
def restore_snapshot():
    try:
        data = json.loads(request.get_data(as_text=True))
        snap = Snapshot(name=str(data["name"]), version=int(data["version"]),
                        payload=dict(data.get("payload", {})))
    except (ValueError, KeyError, TypeError):
        abort(400)
    return jsonify(asdict(snap))
