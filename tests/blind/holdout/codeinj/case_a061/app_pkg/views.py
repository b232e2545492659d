import json

from flask import jsonify, request

_SETTINGS = {"theme": "light", "items_per_page": 25}


def evaluate_payload(text):
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("expected an object")
    return data


def import_settings():
    raw = request.get_data(as_text=True)
    try:
        incoming = evaluate_payload(raw)
    except ValueError as exc:
        return jsonify(error=str(exc)), 400
    _SETTINGS.update({k: v for k, v in incoming.items() if k in _SETTINGS})
    return jsonify(_SETTINGS)


def show_settings():
    return jsonify(_SETTINGS)
