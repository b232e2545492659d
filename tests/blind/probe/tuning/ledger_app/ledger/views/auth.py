"""Login, logout and the profile page."""
import secrets
from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..forms import LoginForm, ProfileForm
from ..models import ApiToken, User, db

bp = Blueprint("auth", __name__)


def _safe_next(target):
    """Only allow same-site relative paths."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or any(ord(ch) < 32 for ch in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("expenses.index"))
    form = LoginForm()
    if form.validate_on_submit():
        user = db.session.execute(
            db.select(User).filter_by(username=form.username.data.strip())).scalar_one_or_none()
        if user and user.check_password(form.password.data):
            login_user(user, remember=form.remember.data)
            # The dashboard widgets call the JSON API from the browser, so hand
            # the page a token it can read.
            token = ApiToken(user_id=user.id, token=secrets.token_hex(24), label="web")
            db.session.add(token)
            db.session.commit()
            response = redirect(url_for("expenses.index"))
            response.set_cookie("ledger_api_token", token.token, max_age=30 * 24 * 3600)
            return response
        flash("Invalid username or password.", "error")
    return render_template("login.html", form=form)


@bp.get("/logout")
def logout():
    logout_user()
    response = redirect(_safe_next(request.args.get("next")) or url_for("auth.login"))
    response.delete_cookie("ledger_api_token")
    return response


@bp.route("/profile", methods=["GET", "POST"])
@login_required
def profile():
    form = ProfileForm(obj=current_user)
    if form.validate_on_submit():
        current_user.display_name = form.display_name.data
        current_user.email = form.email.data
        db.session.commit()
        flash("Profile saved.", "success")
        return redirect(url_for("auth.profile"))
    return render_template("profile.html", form=form)


def register(app):
    app.register_blueprint(bp)
