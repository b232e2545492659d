"""Authentication blueprint: login, registration, password reset, partner SSO."""
import hashlib
import secrets
from datetime import datetime, timedelta, timezone
from urllib.parse import urljoin, urlsplit

import jwt
from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import login_user, logout_user

from .extensions import db, limiter
from .models import User
from .services import send_mail

auth_bp = Blueprint("auth", __name__, url_prefix="/auth")

RESET_TOKEN_TTL = timedelta(hours=1)


def _hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def _safe_next_url(default_endpoint="main.list_notes"):
    """Only follow ``?next=`` when it stays on this host."""
    target = request.args.get("next", "")
    resolved = urlsplit(urljoin(request.host_url, target))
    if target and resolved.scheme in ("http", "https") and resolved.netloc == urlsplit(request.host_url).netloc:
        return resolved.path + (f"?{resolved.query}" if resolved.query else "")
    return url_for(default_endpoint)


@auth_bp.route("/login", methods=["GET", "POST"])
@limiter.limit("5/minute", methods=["POST"])
def login():
    if request.method == "POST":
        user = User.query.filter_by(email=request.form["email"].strip().lower()).first()
        if user is None or not user.check_password(request.form["password"]):
            flash("Invalid e-mail or password.", "error")
            return render_template("login.html"), 401
        session.clear()
        login_user(user, remember=bool(request.form.get("remember")))
        return redirect(_safe_next_url())
    return render_template("login.html")


@auth_bp.route("/logout", methods=["POST"])
def logout():
    logout_user()
    session.clear()
    return redirect(url_for("auth.login"))


@auth_bp.route("/register", methods=["GET", "POST"])
@limiter.limit("10/hour", methods=["POST"])
def register():
    if request.method == "POST":
        email = request.form["email"].strip().lower()
        if User.query.filter_by(email=email).first() is not None:
            flash("That e-mail is already registered.", "error")
            return render_template("register.html"), 409
        user = User(email=email, display_name=request.form.get("display_name") or email)
        user.set_password(request.form["password"])
        db.session.add(user)
        db.session.commit()
        login_user(user)
        return redirect(url_for("main.list_notes"))
    return render_template("register.html")


@auth_bp.route("/reset", methods=["GET", "POST"])
@limiter.limit("5/hour", methods=["POST"])
def request_reset():
    if request.method == "POST":
        user = User.query.filter_by(email=request.form["email"].strip().lower()).first()
        if user is not None:
            token = secrets.token_urlsafe(32)
            user.reset_token_hash = _hash_token(token)
            user.reset_requested_at = datetime.now(timezone.utc)
            db.session.commit()
            link = url_for("auth.reset_password", token=token, _external=True)
            send_mail(user.email, "reset.html", user=user, link=link)
        flash("If that account exists, a reset link is on its way.", "info")
        return redirect(url_for("auth.login"))
    return render_template("reset_request.html")


@auth_bp.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit("10/hour", methods=["POST"])
def reset_password(token):
    user = User.query.filter_by(reset_token_hash=_hash_token(token)).first_or_404()
    if datetime.now(timezone.utc) - user.reset_requested_at > RESET_TOKEN_TTL:
        abort(404)
    if request.method == "POST":
        user.set_password(request.form["password"])
        user.reset_token_hash = None
        db.session.commit()
        flash("Password updated, please log in.", "info")
        return redirect(url_for("auth.login"))
    return render_template("reset.html", token=token)


@auth_bp.route("/sso/<partner>")
@limiter.limit("20/minute")
def partner_sso(partner):
    """Single sign-on from a partner portal: ``/auth/sso/<partner>?token=<jwt>``."""
    key = current_app.config["PARTNER_SSO_KEYS"].get(partner)
    if key is None:
        abort(404)
    try:
        claims = jwt.decode(
            request.args.get("token", ""),
            key,
            algorithms=["HS256"],
            audience="notes",
            issuer=partner,
            options={"require": ["exp", "iat", "iss", "aud", "email"]},
        )
    except jwt.InvalidTokenError:
        abort(403)
    user = User.query.filter_by(email=claims["email"]).first_or_404()
    session.clear()
    login_user(user)
    return redirect(url_for("main.list_notes"))
