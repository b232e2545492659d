from flask import Blueprint, current_app, request

from portal.layout import render_invoice

bp = Blueprint("invoices", __name__, url_prefix="/invoices")


@bp.post("/preview")
def invoice_preview():
    note = request.form.get("note", "")
    cents = int(request.form.get("cents", "0") or 0)
    return render_invoice(
        note=note,
        total="%d.%02d" % divmod(cents, 100),
        company=current_app.config["COMPANY"],
    )
