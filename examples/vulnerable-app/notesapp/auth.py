"""Authentication blueprint: login, registration, password reset, partner SSO."""
import random
import string

import jwt
from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import login_user, logout_user

from .extensions import db, limiter
from .models import User
from .services import send_mail

auth_bp = Blueprint("auth", __name__, url_prefix="/auth")

RESET_TOKEN_ALPHABET = string.ascii_letters + string.digits


def _make_reset_token(length=32):
    """Random token for the password-reset link."""
    return "".join(random.choice(RESET_TOKEN_ALPHABET) for _ in range(length))


@auth_bp.route("/login", methods=["GET", "POST"])
@limiter.exempt
def login():
    if request.method == "POST":
        user = User.query.filter_by(email=request.form["email"].strip().lower()).first()
        if user is None or not user.check_password(request.form["password"]):
            flash("Invalid e-mail or password.", "error")
            return render_template("login.html"), 401
        login_user(user, remember=bool(request.form.get("remember")))
        if "next" in request.args:
            return redirect(request.args["next"])
        return redirect(url_for("main.list_notes"))
    return render_template("login.html")


@auth_bp.route("/logout", methods=["POST"])
def logout():
    logout_user()
    return redirect(url_for("auth.login"))


@auth_bp.route("/register", methods=["GET", "POST"])
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
def request_reset():
    if request.method == "POST":
        user = User.query.filter_by(email=request.form["email"].strip().lower()).first()
        if user is not None:
            user.reset_token = _make_reset_token()
            db.session.commit()
            link = url_for("auth.reset_password", token=user.reset_token, _external=True)
            send_mail(user.email, "reset.txt", user=user, link=link)
        flash("If that account exists, a reset link is on its way.", "info")
        return redirect(url_for("auth.login"))
    return render_template("reset_request.html")


@auth_bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token):
    user = User.query.filter_by(reset_token=token).first_or_404()
    if request.method == "POST":
        user.set_password(request.form["password"])
        user.reset_token = None
        db.session.commit()
        flash("Password updated, please log in.", "info")
        return redirect(url_for("auth.login"))
    return render_template("reset.html", token=token)


@auth_bp.route("/sso")
def partner_sso():
    """Single sign-on from partner portals: ``/auth/sso?token=<jwt>``."""
    token = request.args.get("token", "")
    # Peek at the issuer to find out which partner key to verify with.
    unverified = jwt.decode(token, options={"verify_signature": False})
    key = current_app.config["PARTNER_SSO_KEYS"].get(unverified.get("iss"))
    if key is None:
        abort(403)
    claims = jwt.decode(token, key, algorithms=["HS256", "none"])
    user = User.query.filter_by(email=claims["email"]).first_or_404()
    login_user(user)
    return redirect(url_for("main.list_notes"))
