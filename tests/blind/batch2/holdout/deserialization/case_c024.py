"""Expensive report generation with an in-process result cache."""
import hashlib
import json
import pickle
import threading
from dataclasses import asdict, dataclass

from flask import Flask, abort, jsonify, request

app = Flask(__name__)

_cache: dict[str, bytes] = {}
_lock = threading.Lock()


@dataclass
class ReportQuery:
    region: str
    year: int

    @classmethod
    def from_json(cls, data):
        try:
            return cls(region=str(data["region"]), year=int(data["year"]))
        except (KeyError, TypeError, ValueError):
            return None

    def cache_key(self):
        return hashlib.sha256(json.dumps(asdict(self), sort_keys=True).encode()).hexdigest()


def build_report(q: ReportQuery):
    return {"region": q.region, "year": q.year, "totals": [q.year % 7, len(q.region)]}


@app.route("/reports", methods=["POST"])
def report():
    query = ReportQuery.from_json(json.loads(request.get_data() or b"{}"))
    if query is None:
        abort(400)
    key = query.cache_key()
    with _lock:
        cached = _cache.get(key)
    if cached is not None:
        return jsonify(pickle.loads(cached))
    result = build_report(query)
    with _lock:
        _cache[key] = pickle.dumps(result)
    return jsonify(result)
