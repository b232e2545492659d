"""Expenses, the team board and receipts (HTML)."""
import os

from flask import (Blueprint, abort, current_app, flash, redirect, render_template,
                   send_file, url_for)
from flask.views import MethodView
from flask_login import current_user, login_required
from sqlalchemy import text
from werkzeug.utils import secure_filename

from ..forms import ExpenseForm, SearchForm
from ..models import Expense, db

bp = Blueprint("expenses", __name__)


@bp.get("/expenses")
@login_required
def index():
    rows = db.session.execute(
        db.select(Expense).filter_by(owner_id=current_user.id).order_by(Expense.spent_on.desc())
    ).scalars().all()
    total = sum(e.amount for e in rows)
    return render_template("expenses.html", expenses=rows, total=total)


@bp.route("/expenses/new", methods=["GET", "POST"])
@login_required
def new():
    form = ExpenseForm()
    if form.validate_on_submit():
        expense = Expense(owner_id=current_user.id, vendor=form.vendor.data.strip(),
                          category=form.category.data, amount=float(form.amount.data),
                          spent_on=form.spent_on.data, description=form.description.data or "")
        db.session.add(expense)
        db.session.commit()
        flash("Expense added.", "success")
        return redirect(url_for("expenses.detail", expense_id=expense.id))
    return render_template("expense_form.html", form=form)


class ExpenseDetailView(MethodView):
    decorators = [login_required]

    def get(self, expense_id):
        expense = db.get_or_404(Expense, expense_id)
        return render_template("expense_detail.html", expense=expense)


bp.add_url_rule("/expenses/<int:expense_id>",
                view_func=ExpenseDetailView.as_view("detail"))


@bp.route("/expenses/search", methods=["GET", "POST"])
@login_required
def search():
    form = SearchForm()
    results, error = None, None
    if form.validate_on_submit():
        q = form.q.data
        sql = (f"SELECT id, spent_on, vendor, amount, description FROM expenses "
               f"WHERE owner_id = {current_user.id} "
               f"AND (vendor LIKE '%{q}%' OR description LIKE '%{q}%')")
        if form.category.data != "all":
            sql += " AND category = :category"
        sql += " ORDER BY spent_on DESC"
        try:
            results = db.session.execute(text(sql), {"category": form.category.data}).all()
        except Exception as exc:  # show the DB message, handy while we tune the search
            db.session.rollback()
            error = str(getattr(exc, "orig", exc))
    return render_template("search.html", form=form, results=results, error=error)


@bp.get("/team")
@login_required
def team():
    rows = db.session.execute(
        db.select(Expense).order_by(Expense.id.desc()).limit(25)).scalars().all()
    return render_template("team.html", expenses=rows)


def _receipt_dir():
    folder = current_app.data_path("receipts", str(current_user.id))
    os.makedirs(folder, exist_ok=True)
    return os.path.realpath(folder)


@bp.get("/receipts")
@login_required
def receipts():
    return render_template("receipts.html", files=sorted(os.listdir(_receipt_dir())))


@bp.get("/receipts/<path:filename>")
@login_required
def receipt_file(filename):
    folder = _receipt_dir()
    name = secure_filename(filename)
    full = os.path.realpath(os.path.join(folder, name))
    if not name or os.path.commonpath([folder, full]) != folder or not os.path.isfile(full):
        abort(404)
    return send_file(full, mimetype="text/plain")


def register(app):
    app.register_blueprint(bp)
