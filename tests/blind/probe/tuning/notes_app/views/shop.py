import secrets
import sqlite3

from flask import Blueprint, current_app, flash, g, render_template

from ..forms import OrderForm, TrackForm
from . import login_required

bp = Blueprint("shop", __name__, url_prefix="/shop")


@bp.route("/order", methods=["GET", "POST"])
@login_required
def order():
    form = OrderForm()
    receipt = None
    if form.validate_on_submit():
        db = current_app.db
        # product and quantity are typed by the form (SelectField coerce=int, IntegerField)
        row = db.first(f"SELECT name, price * {form.quantity.data} AS subtotal FROM products "
                       f"WHERE id = {form.product.data}")
        discount = 0
        if form.coupon.data:
            try:
                coupon = db.first(f"SELECT percent FROM coupons WHERE code = '{form.coupon.data}' AND active = 1")
            except sqlite3.Error as exc:
                flash(f"Coupon check failed: {exc}")
                coupon = None
            if coupon is None:
                flash("That coupon is not valid.")
            else:
                discount = coupon["percent"]
        total = round(row["subtotal"] * (100 - discount) / 100, 2)
        ref = f"JOT-{secrets.randbelow(900000) + 100000}"
        db.run("INSERT INTO orders (ref, user_id, product_id, quantity, total) VALUES (?, ?, ?, ?, ?)",
               (ref, g.user.id, form.product.data, form.quantity.data, total))
        receipt = {"ref": ref, "product": row["name"], "quantity": form.quantity.data,
                   "discount": discount, "total": total}
    return render_template("shop/order.html", form=form, receipt=receipt)


@bp.route("/track", methods=["GET", "POST"])
@login_required
def track():
    form = TrackForm()
    found, searched = None, False
    if form.validate_on_submit():
        searched = True
        found = current_app.db.first(
            "SELECT o.ref, p.name, o.quantity, o.total FROM orders o JOIN products p ON p.id = o.product_id "
            "WHERE o.ref = ? AND o.user_id = ?",
            (form.ref.data, g.user.id),
        )
    return render_template("shop/track.html", form=form, found=found, searched=searched)
