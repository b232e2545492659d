import json as _json


def export(rows):
    return _json.dumps(rows), "application/json"
