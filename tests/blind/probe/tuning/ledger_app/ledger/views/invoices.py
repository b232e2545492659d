"""Invoices: list, import from a feed URL, payment reminder preview."""
import urllib.error
import urllib.request

from flask import Blueprint, current_app, flash, render_template, render_template_string
from flask_login import current_user, login_required

from ..forms import ImportForm, ReminderForm
from ..models import Invoice, db

bp = Blueprint("invoices", __name__)

REMINDER_BODY = """<p>Hello {{ invoice.client }},</p>
<p>%s</p>
<p>Invoice <b>{{ invoice.number }}</b> ({{ '%%.2f'|format(invoice.amount) }} EUR) is now
{{ days }} days overdue.</p>
<p>Kind regards,<br>{{ sender }}</p>"""


def _my_invoices():
    return db.session.execute(
        db.select(Invoice).filter_by(owner_id=current_user.id).order_by(Invoice.number)
    ).scalars().all()


@bp.get("/invoices")
@login_required
def index():
    return render_template("invoices.html", invoices=_my_invoices())


@bp.route("/invoices/import", methods=["GET", "POST"])
@login_required
def import_feed():
    form = ImportForm()
    preview, error = None, None
    if form.validate_on_submit():
        try:
            req = urllib.request.Request(form.url.data, headers={"User-Agent": "ledger-import/0.9"})
            with urllib.request.urlopen(req, timeout=current_app.config["IMPORT_TIMEOUT"]) as resp:
                raw = resp.read(current_app.config["IMPORT_MAX_BYTES"])
            preview = raw.decode("utf-8", errors="replace")
            flash("Feed fetched - check the preview before importing.", "info")
        except (urllib.error.URLError, ValueError, OSError) as exc:
            error = f"Could not fetch feed: {exc}"
    return render_template("import.html", form=form, preview=preview, error=error)


@bp.route("/reminders/preview", methods=["GET", "POST"])
@login_required
def reminder_preview():
    form = ReminderForm()
    invoices = _my_invoices()
    form.invoice.choices = [(inv.id, f"{inv.number} - {inv.client}") for inv in invoices]
    body, error = None, None
    if form.validate_on_submit():
        invoice = next(inv for inv in invoices if inv.id == form.invoice.data)
        try:
            body = render_template_string(REMINDER_BODY % form.message.data, invoice=invoice,
                                          days=form.days_overdue.data,
                                          sender=current_user.display_name)
        except Exception as exc:
            error = f"Template problem: {exc}"
    return render_template("reminder.html", form=form, body=body, error=error,
                           subject=form.subject.data)


def init_app(app):
    app.register_blueprint(bp)
