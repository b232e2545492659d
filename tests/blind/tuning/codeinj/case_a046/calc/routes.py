from flask import Blueprint, jsonify, request

from .evaluator import evaluate

bp = Blueprint("calc", __name__)


@bp.route("/", methods=["POST"])
def compute():
    expression = request.get_json(force=True).get("expr", "0")
    try:
        value = evaluate(expression)
    except (ValueError, SyntaxError, ZeroDivisionError) as exc:
        return jsonify(error=str(exc)), 400
    return jsonify(value=value)
