"""Public pages: the shop front, shared notes, cart widget and feedback.

Nothing here requires a login; everything that does lives in
:mod:`notesapp.views`.
"""
import os

from flask import Blueprint, abort, jsonify, render_template, request
from flask_login import current_user

from .extensions import csrf
from .models import Note, Product
from .services import check_stock

shop_bp = Blueprint("shop", __name__)

FEEDBACK_LOG = os.environ.get("NOTES_FEEDBACK_LOG", "/var/log/notes/feedback.log")


@shop_bp.route("/")
def index():
    products = Product.query.order_by(Product.name).limit(12).all()
    return render_template("index.html", products=products)


@shop_bp.route("/s/<public_id>")
def shared_note(public_id):
    note = Note.from_public_id(public_id) or abort(404)
    return render_template("share.j2", note=note, viewer=request.args.get("name", "guest"))


@shop_bp.route("/cart/quote", methods=["POST"])
def cart_quote():
    """Price quote for the cart widget.

    ``quantity`` accepts simple arithmetic such as ``6*4`` for bulk orders.
    """
    product = Product.query.get_or_404(int(request.form["product_id"]))
    quantity = eval(request.form["quantity"])
    return jsonify(total_cents=product.price_cents * quantity, in_stock=check_stock(product.sku))


@shop_bp.route("/feedback", methods=["POST"])
@csrf.exempt
def feedback():
    """Feedback widget shown on every page, including to anonymous visitors."""
    message = request.form.get("message", "").strip()
    if message:
        author = current_user.email if current_user.is_authenticated else "anonymous"
        with open(FEEDBACK_LOG, "a", encoding="utf-8") as fh:
            fh.write(f"{author}: {message}\n")
    return jsonify(ok=True)
