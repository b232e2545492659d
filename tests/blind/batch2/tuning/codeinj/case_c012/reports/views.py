from flask import Blueprint, jsonify, request

from .formula import Formula, FormulaError

bp = Blueprint("reports", __name__, url_prefix="/reports")

SAMPLE_ROWS = [
    {"revenue": 1200.0, "cost": 800.0, "units": 40},
    {"revenue": 900.0, "cost": 700.0, "units": 30},
]


@bp.route("/computed-column", methods=["POST"])
def computed_column():
    text = request.form.get("formula", "")
    try:
        formula = Formula(text)
        values = [formula.evaluate(row) for row in SAMPLE_ROWS]
    except (FormulaError, ZeroDivisionError) as exc:
        return jsonify(error=str(exc)), 400
    return jsonify(formula=text, values=values)
