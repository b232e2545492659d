"""Form login (session), remember-me cookie, logout, password-reset page."""
import functools
from urllib.parse import urlsplit

from flask import Blueprint, flash, g, redirect, render_template, request, session, url_for
from markupsafe import Markup

from . import storage
from .forms import LoginForm, ResetForm

bp = Blueprint("auth", __name__)

REMEMBER_COOKIE = "remember_token"


def current_user():
    if "user" not in g:
        user = None
        if session.get("uid"):
            user = storage.user_by_id(session["uid"])
        elif request.cookies.get(REMEMBER_COOKIE):
            user = storage.resolve_token(storage.remember_tokens, request.cookies[REMEMBER_COOKIE])
        g.user = user
    return g.user


def login_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if current_user() is None:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)
    return wrapper


@bp.app_context_processor
def inject_user():
    return {"current_user": current_user()}


def _is_local(target):
    if not target or "\\" in target or any(ord(ch) < 32 for ch in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith("//")


@bp.route("/login", methods=["GET", "POST"])
def login():
    next_url = request.args.get("next") or url_for("patients.index")
    if current_user() is not None:
        return redirect(next_url)
    form = LoginForm()
    if form.validate_on_submit():
        user = storage.authenticate(form.username.data, form.password.data)
        if user is not None:
            session["uid"] = user["id"]
            response = redirect(next_url)
            if form.remember.data:
                token = storage.issue_token(storage.remember_tokens, user["id"])
                response.set_cookie(REMEMBER_COOKIE, token, max_age=30 * 24 * 3600)
            return response
        flash("Unknown user name or wrong password.")
    return render_template("login.html", form=form)


@bp.route("/logout")
def logout():
    session.pop("uid", None)
    target = request.args.get("next", "")
    if not _is_local(target):
        target = url_for("auth.login")
    response = redirect(target)
    response.delete_cookie(REMEMBER_COOKIE, secure=True, httponly=True, samesite="Lax")
    return response


@bp.route("/reset")
def reset():
    form = ResetForm(request.args, meta={"csrf": False})
    message = None
    if form.email.data and form.validate():
        message = Markup("If an account exists for <b>%s</b>, we have sent a reset link." % form.email.data)
    return render_template("reset.html", form=form, message=message)
