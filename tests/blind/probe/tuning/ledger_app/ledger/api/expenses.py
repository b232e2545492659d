"""Expense queries over the API."""
from flask import jsonify, request
from sqlalchemy import text

from . import bp
from .auth import current_api_user, token_required
from ..models import db


@bp.get("/expenses")
@token_required
def list_expenses():
    sql = ("SELECT id, vendor, category, amount, spent_on, description FROM expenses "
           "WHERE owner_id = :owner")
    params = {"owner": current_api_user().id}
    if request.args.get("vendor"):
        sql += " AND vendor = :vendor"
        params["vendor"] = request.args["vendor"]
    if request.args.get("category"):
        sql += " AND category = :category"
        params["category"] = request.args["category"]
    sql += " ORDER BY spent_on DESC"
    rows = db.session.execute(text(sql), params).mappings().all()
    return jsonify(expenses=[dict(r) for r in rows])


@bp.get("/vendors/<string:vendor>/summary")
@token_required
def vendor_summary(vendor):
    """Team-wide totals for one vendor (used by the vendor report widget)."""
    conn = db.engine.raw_connection()
    try:
        cur = conn.cursor()
        cur.execute(f"SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM expenses "
                    f"WHERE vendor = '{vendor}'")
        count, total = cur.fetchone()
    except Exception:
        count, total = 0, 0
    finally:
        conn.close()
    return jsonify(vendor=vendor, expenses=count, total=round(float(total), 2))
