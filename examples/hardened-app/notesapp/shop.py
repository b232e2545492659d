"""Public pages: the shop front, shared notes, cart widget and feedback.

Nothing here requires a login; everything that does lives in
:mod:`notesapp.views`.  POST forms are covered by the global CSRFProtect.
"""
import os
import random

from flask import Blueprint, abort, jsonify, render_template, request
from flask_login import current_user

from .extensions import limiter
from .models import Note, Product
from .services import check_stock

shop_bp = Blueprint("shop", __name__)

FEEDBACK_LOG = os.environ.get("NOTES_FEEDBACK_LOG", "/var/log/notes/feedback.log")
MAX_QUANTITY = 500


@shop_bp.route("/")
def index():
    products = Product.query.order_by(Product.name).limit(12).all()
    # Spread the stock-badge polling so open tabs don't refresh in lockstep.
    poll_ms = 30_000 + int(random.random() * 5_000)
    return render_template("index.html", products=products, poll_ms=poll_ms)


@shop_bp.route("/s/<public_id>")
def shared_note(public_id):
    note = Note.from_public_id(public_id) or abort(404)
    return render_template("share.html", note=note, viewer=request.args.get("name", "guest"))


@shop_bp.route("/cart/quote", methods=["POST"])
@limiter.limit("30/minute")
def cart_quote():
    """Price quote for the cart widget."""
    product = Product.query.get_or_404(request.form.get("product_id", type=int))
    quantity = request.form.get("quantity", type=int)
    if quantity is None or not 1 <= quantity <= MAX_QUANTITY:
        abort(400)
    return jsonify(total_cents=product.price_cents * quantity, in_stock=check_stock(product.sku))


@shop_bp.route("/feedback", methods=["POST"])
@limiter.limit("5/minute")
def feedback():
    """Feedback widget shown on every page, including to anonymous visitors."""
    message = " ".join(request.form.get("message", "").split())[:2000]
    if message:
        author = current_user.email if current_user.is_authenticated else "anonymous"
        with open(FEEDBACK_LOG, "a", encoding="utf-8") as fh:
            fh.write(f"{author}: {message}\n")
    return jsonify(ok=True)
