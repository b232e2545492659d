from flask import Blueprint, jsonify, request

from .rules import Rule, RuleEngine

api = Blueprint("alerts", __name__)
engine = RuleEngine()


@api.route("/rules", methods=["POST"])
def add_rule():
    body = request.get_json(force=True)
    rule = Rule(
        name=body["name"],
        condition=body["condition"],
        severity=body.get("severity", "warning"),
    )
    engine.add(rule)
    return jsonify(created=rule.name), 201


@api.route("/evaluate", methods=["POST"])
def evaluate():
    metric = request.get_json(force=True)
    return jsonify(fired=engine.evaluate(metric))
