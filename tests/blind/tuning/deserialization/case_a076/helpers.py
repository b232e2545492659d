import json
import shelve

from flask import abort, current_app, request

__all__ = ["open_store", "parse_body"]


def open_store():
    return shelve.open(current_app.config["DRAFT_STORE"])


def parse_body():
    try:
        data = json.loads(request.get_data(as_text=True))
    except ValueError:
        abort(400)
    if not isinstance(data, dict):
        abort(400)
    return data
