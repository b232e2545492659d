"""Product catalog, mounted under /catalog."""
import sqlite3

from flask import Blueprint, abort, current_app, render_template, request

bp = Blueprint("catalog", __name__, url_prefix="/catalog")

PAGE_SIZE = 3


@bp.get("/search")
def search():
    """Free-text search on product names (the quick-search box in the header)."""
    q = request.args.get("q", "")
    rows, error = [], None
    if q:
        sql = f"SELECT id, sku, name, price FROM products WHERE name LIKE '%{q}%' ORDER BY name"
        try:
            rows = current_app.db.query(sql)
        except sqlite3.Error as exc:
            error = str(exc)
    return render_template("catalog/results.html", title="Search", q=q, rows=rows, error=error)


@bp.get("/browse")
def browse():
    """Same search, used by the catalog sidebar."""
    q = request.args.get("q", "")
    rows = current_app.db.query(
        "SELECT id, sku, name, price FROM products WHERE name LIKE ? ORDER BY name", (f"%{q}%",)
    )
    return render_template("catalog/results.html", title="Browse", q=q, rows=rows, error=None)


@bp.get("/item/<int:item_id>")
def item(item_id):
    row = current_app.db.one("SELECT * FROM products WHERE id = ?", (item_id,))
    if row is None:
        abort(404)
    return render_template("catalog/item.html", item=row)


@bp.get("/page")
def page():
    try:
        number = int(request.args.get("page", "1"))
    except ValueError:
        abort(400, "page must be a number")
    number = min(max(number, 1), 10_000)
    offset = (number - 1) * PAGE_SIZE
    rows = current_app.db.query(
        f"SELECT id, sku, name, price FROM products ORDER BY id LIMIT {PAGE_SIZE} OFFSET {offset}"
    )
    return render_template("catalog/results.html", title=f"Page {number}", q="", rows=rows, error=None)


def register(app):
    app.register_blueprint(bp)
