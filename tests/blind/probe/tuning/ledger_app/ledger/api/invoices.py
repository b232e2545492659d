"""Invoices over the API (class-based views)."""
import uuid
from datetime import date, timedelta

from flask import abort, jsonify
from flask.views import MethodView

from . import bp
from .auth import current_api_user, json_body, token_required
from ..models import Invoice, db

STATUSES = ("open", "paid", "overdue", "void")


def _owned_invoice(invoice_id):
    invoice = db.session.execute(
        db.select(Invoice).filter_by(id=invoice_id, owner_id=current_api_user().id)
    ).scalar_one_or_none()
    if invoice is None:
        abort(404, "No such invoice")
    return invoice


class InvoiceListAPI(MethodView):
    decorators = [token_required]

    def get(self):
        rows = db.session.execute(
            db.select(Invoice).filter_by(owner_id=current_api_user().id).order_by(Invoice.id)
        ).scalars().all()
        return jsonify(invoices=[inv.to_dict() for inv in rows])

    def post(self):
        body = json_body()
        client, amount = body.get("client"), body.get("amount")
        if not isinstance(client, str) or not 0 < len(client) <= 80:
            abort(400, "client: 1-80 characters")
        if not isinstance(amount, (int, float)) or isinstance(amount, bool) or not 0 < amount <= 1e6:
            abort(400, "amount: number between 0 and 1000000")
        days = body.get("due_in_days", 30)
        if not isinstance(days, int) or not 0 <= days <= 365:
            abort(400, "due_in_days: integer 0-365")
        count = db.session.execute(db.select(db.func.count(Invoice.id))).scalar()
        invoice = Invoice(owner_id=current_api_user().id, number=f"INV-{3001 + count}",
                          client=client, amount=float(amount),
                          due_on=date.today() + timedelta(days=days),
                          share_id=str(uuid.uuid4()), notes=str(body.get("notes", ""))[:300])
        db.session.add(invoice)
        db.session.commit()
        return jsonify(invoice.to_dict()), 201


class InvoiceAPI(MethodView):
    decorators = [token_required]

    def get(self, invoice_id):
        return jsonify(_owned_invoice(invoice_id).to_dict())

    def put(self, invoice_id):
        invoice = _owned_invoice(invoice_id)
        body = json_body()
        if "status" in body:
            if body["status"] not in STATUSES:
                abort(400, f"status must be one of {', '.join(STATUSES)}")
            invoice.status = body["status"]
        if "notes" in body:
            invoice.notes = str(body["notes"])[:300]
        db.session.commit()
        return jsonify(invoice.to_dict())


bp.add_url_rule("/invoices", view_func=InvoiceListAPI.as_view("invoices"))
bp.add_url_rule("/invoices/<int:invoice_id>", view_func=InvoiceAPI.as_view("invoice"))


@bp.get("/invoices/shared/<uuid:share_id>")
def shared_invoice(share_id):
    """Public share link sent to the client; the UUID is the secret."""
    invoice = db.session.execute(
        db.select(Invoice).filter_by(share_id=str(share_id))).scalar_one_or_none()
    if invoice is None:
        abort(404, "No such invoice")
    return jsonify(invoice.to_dict(private=False))
