"""Storefront home: shuffled featured products, secure invite codes."""
import os
import random
import secrets

from flask import Flask, abort, jsonify, request

FEATURED = [
    {"sku": "tee-01", "name": "Logo tee"},
    {"sku": "mug-02", "name": "Mug"},
    {"sku": "cap-03", "name": "Cap"},
    {"sku": "bag-04", "name": "Tote bag"},
]

INVITES: dict[str, str] = {}

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.route("/")
def home():
    products = list(FEATURED)
    random.shuffle(products)  # vary the carousel order between visits
    return jsonify(featured=products[:3])


@app.route("/invites", methods=["POST"])
def create_invite():
    email = request.form.get("email", "")
    if "@" not in email:
        abort(400)
    code = secrets.token_urlsafe(16)
    INVITES[code] = email
    return jsonify(code=code), 201
