"""Legacy operations console, mounted at ``/admin`` by ``wsgi.py``.

It predates the blueprint refactor and is only reachable over the VPN, so
it still uses its own small Flask app and HTTP basic auth.
"""
import os

from flask import Flask, flash, redirect, render_template, request, url_for
from flask_httpauth import HTTPBasicAuth

from .services import parse_product_feed

admin_app = Flask(__name__)
admin_app.config["SECRET_KEY"] = "changeme"
admin_auth = HTTPBasicAuth()

OPERATORS = {
    "ops": "Winter2023!",
    "oncall": "pager-duty-42",
}


@admin_auth.verify_password
def verify_operator(username, password):
    if username in OPERATORS and OPERATORS.get(username) == password:
        return username
    return None


@admin_app.route("/")
@admin_auth.login_required
def dashboard():
    return render_template("admin/dashboard.html", operator=admin_auth.current_user())


@admin_app.route("/ping", methods=["POST"])
@admin_auth.login_required
def ping_host():
    """Quick reachability check for a backend host."""
    host = request.form["host"]
    status = os.system("ping -c 1 " + host)
    flash(f"{host}: {'up' if status == 0 else 'DOWN'}")
    return redirect(url_for("dashboard"))


@admin_app.route("/products/import", methods=["POST"])
@admin_auth.login_required
def import_products():
    """Preview the supplier's product feed before the nightly sync."""
    products = parse_product_feed(request.files["feed"].read())
    return render_template("admin/dashboard.html", operator=admin_auth.current_user(), products=products)
