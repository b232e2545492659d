"""Operations console at ``/admin``, restricted to staff accounts."""
import ipaddress
import re
import subprocess
from functools import wraps

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from .services import parse_product_feed

admin_bp = Blueprint("admin", __name__, url_prefix="/admin")

HOSTNAME_RE = re.compile(r"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")


def admin_required(view):
    """Require ``current_user.is_admin``; stack below ``@login_required``."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if not current_user.is_admin:
            abort(403)
        return view(*args, **kwargs)

    return wrapper


def _valid_host(host):
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return bool(HOSTNAME_RE.match(host.lower()))


@admin_bp.route("/")
@login_required
@admin_required
def dashboard():
    return render_template("admin/dashboard.html", operator=current_user.email)


@admin_bp.route("/ping", methods=["POST"])
@login_required
@admin_required
def ping_host():
    """Quick reachability check for a backend host."""
    host = request.form.get("host", "").strip()
    if not _valid_host(host):
        abort(400)
    result = subprocess.run(["ping", "-c", "1", "--", host], capture_output=True, timeout=5, check=False)
    flash(f"{host}: {'up' if result.returncode == 0 else 'DOWN'}")
    return redirect(url_for("admin.dashboard"))


@admin_bp.route("/products/import", methods=["POST"])
@login_required
@admin_required
def import_products():
    """Preview the supplier's product feed before the nightly sync."""
    products = parse_product_feed(request.files["feed"].read())
    return render_template("admin/dashboard.html", operator=current_user.email, products=products)
