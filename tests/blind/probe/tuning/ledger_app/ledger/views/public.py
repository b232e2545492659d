"""Public pages: landing, vendor directory, invoice payment, help centre."""
import os

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_login import current_user

from ..models import Invoice, Vendor, db

bp = Blueprint("public", __name__)


@bp.get("/")
def index():
    if current_user.is_authenticated:
        return redirect(url_for("expenses.index"))
    return render_template("landing.html")


@bp.get("/healthz")
def healthz():
    return {"status": "ok"}


@bp.get("/vendors")
def vendors():
    q = request.args.get("q", "").strip()
    query = db.select(Vendor).order_by(Vendor.name)
    if q:
        query = query.where(Vendor.name.ilike(f"%{q}%"))
    rows = db.session.execute(query).scalars().all()
    return render_template("vendors.html", vendors=rows, q=q)


@bp.get("/out")
def outbound():
    """Click-through to a vendor website (counted for the vendor report)."""
    url = request.args.get("url", "")
    if not url:
        return redirect(url_for("public.vendors"))
    current_app.logger.info("vendor click-through: %s", url)
    return redirect(url)


@bp.get("/pay")
def pay():
    number = request.args.get("invoice", "").strip()
    if not number:
        return render_template("pay.html", invoice=None)
    if len(number) > 80:
        abort(400)
    invoice = db.session.execute(
        db.select(Invoice).filter_by(number=number.upper())).scalar_one_or_none()
    if invoice is None:
        # quick inline page, the designer hasn't done a template for this yet
        return (f"<!doctype html><title>Pay an invoice</title><h1>Pay an invoice</h1>"
                f"<p>Sorry, we could not find invoice <b>{number}</b>. "
                f"Please check the number on your PDF.</p><p><a href='/pay'>Try again</a></p>")
    return render_template("pay.html", invoice=invoice)


@bp.get("/help/", defaults={"page": "getting-started.md"})
@bp.get("/help/<path:page>")
def help_page(page):
    path = os.path.join(current_app.config["HELP_DIR"], page)
    if not os.path.isfile(path):
        abort(404)
    with open(path, encoding="utf-8", errors="replace") as fh:
        body = fh.read()
    topics = sorted(os.listdir(current_app.config["HELP_DIR"]))
    return render_template("help.html", page=page, body=body, topics=topics)
