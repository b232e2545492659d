import secrets
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, g, make_response, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

from ..forms import LoginForm
from ..models import User

bp = Blueprint("auth", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
    if form.validate_on_submit():
        user = User.by_name(form.username.data)
        if user and check_password_hash(user.password_hash, form.password.data):
            session.clear()
            session["uid"] = user.id
            resp = make_response(redirect(form.next.data or url_for("notes.list_notes")))
            if form.remember.data:
                token = secrets.token_urlsafe(24)
                current_app.remember_tokens[token] = user.id
                resp.set_cookie("remember", token, max_age=30 * 24 * 3600)
            return resp
        flash("Wrong username or password.")
    return render_template("login.html", form=form)


@bp.route("/logout")
def logout():
    session.clear()
    target = request.args.get("next", "")
    parts = urlsplit(target)
    if not target.startswith("/") or target.startswith("//") or parts.netloc or "\\" in target:
        target = url_for("auth.login")
    resp = make_response(redirect(target))
    resp.delete_cookie("remember")
    return resp


@bp.app_context_processor
def inject_user():
    return {"current_user": g.get("user")}
