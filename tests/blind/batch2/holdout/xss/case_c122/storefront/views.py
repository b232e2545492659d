from flask import Blueprint, g, jsonify, request

from .errors import InvalidFilter

bp = Blueprint("store", __name__)

COLOURS = {"red", "green", "blue", "black"}
SIZES = {"s", "m", "l", "xl"}


def check_filter(name, value, allowed):
    if value is not None and value not in allowed:
        g.bad_value = value
        raise InvalidFilter(name)
    return value


@bp.route("/products")
def products():
    colour = check_filter("colour", request.args.get("colour"), COLOURS)
    size = check_filter("size", request.args.get("size"), SIZES)
    return jsonify(colour=colour, size=size, items=[])
