"""Budget helpers: forecast with a custom formula, split an amount by ratios."""
import ast
from datetime import date

from flask import abort, jsonify

from . import bp
from .auth import current_api_user, json_body, token_required
from ..models import Expense, db


def _spent_to_date(user):
    rows = db.session.execute(
        db.select(Expense.amount).where(Expense.owner_id == user.id, Expense.spent_on <= date.today())
    ).scalars().all()
    return round(sum(rows), 2)


@bp.post("/budgets/forecast")
@token_required
def forecast():
    """Finance likes to tweak the forecast formula, e.g. "spent / 5 * months * 1.1"."""
    body = json_body()
    months, formula = body.get("months"), body.get("formula", "spent * months")
    if not isinstance(months, int) or isinstance(months, bool) or not 1 <= months <= 12:
        abort(400, "months: integer 1-12")
    if not isinstance(formula, str) or len(formula) > 120:
        abort(400, "formula: up to 120 characters")
    user = current_api_user()
    scope = {"spent": _spent_to_date(user), "months": months, "limit": user.monthly_limit}
    try:
        value = eval(formula, scope)
    except Exception as exc:
        return jsonify(error="Bad Request", detail=f"formula error: {exc}"), 400
    if not isinstance(value, (int, float)):
        value = str(value)
    return jsonify(formula=formula, months=months, forecast=value)


@bp.post("/budgets/split")
@token_required
def split():
    body = json_body()
    amount, ratios = body.get("amount"), body.get("ratios", "[1, 1]")
    if not isinstance(amount, (int, float)) or isinstance(amount, bool) or not 0 < amount <= 1e6:
        abort(400, "amount: number between 0 and 1000000")
    if not isinstance(ratios, str) or len(ratios) > 200:
        abort(400, "ratios: a list literal such as \"[2, 1, 1]\"")
    try:
        parts = ast.literal_eval(ratios)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        abort(400, "ratios: a list literal such as \"[2, 1, 1]\"")
    if (not isinstance(parts, (list, tuple)) or not parts or len(parts) > 20
            or not all(isinstance(p, (int, float)) and not isinstance(p, bool) and p > 0 for p in parts)):
        abort(400, "ratios: 1-20 positive numbers")
    whole = sum(parts)
    return jsonify(amount=amount, shares=[round(amount * p / whole, 2) for p in parts])
