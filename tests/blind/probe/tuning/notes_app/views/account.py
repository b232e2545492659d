from flask import Blueprint, abort, current_app, flash, g, make_response, redirect, render_template, render_template_string, request, url_for

from ..forms import DigestForm, ProfileForm, SettingsForm
from ..models import User
from . import login_required

bp = Blueprint("account", __name__)


@bp.route("/profile", methods=["GET", "POST"])
@login_required
def profile():
    form = ProfileForm(obj=g.user)
    if form.validate_on_submit():
        user = User.get(g.user.id)
        # copy the submitted fields onto the user record
        for key, value in request.form.items():
            if key not in ("csrf_token", "id") and hasattr(user, key):
                setattr(user, key, value)
        user.save()
        flash("Profile updated.")
        return redirect(url_for("account.profile"))
    return render_template("form.html", form=form, title="Your profile")


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings():
    form = SettingsForm(theme=request.cookies.get("theme", "light"), notify=bool(g.user.notify))
    if form.validate_on_submit():
        user = User.get(g.user.id)
        user.notify = 1 if form.notify.data else 0
        user.save()
        resp = make_response(redirect(url_for("account.settings")))
        resp.set_cookie("theme", form.theme.data, max_age=365 * 24 * 3600,
                        secure=True, httponly=True, samesite="Lax")
        flash("Settings saved.")
        return resp
    return render_template("form.html", form=form, title="Settings")


@bp.route("/digest/preview", methods=["GET", "POST"])
@login_required
def digest_preview():
    form = DigestForm()
    rendered = None
    if form.validate_on_submit():
        count = current_app.db.first("SELECT count(*) AS n FROM notes WHERE owner_id = ?", (g.user.id,))["n"]
        rendered = render_template_string(
            "<h2>{{ subject }}</h2><p>Hi {{ name }}, you wrote {{ count }} notes this week.</p>",
            subject=form.subject.data, name=g.user.display_name, count=count,
        )
    return render_template("form.html", form=form, title="Weekly digest", rendered=rendered)


@bp.route("/admin")
@login_required
def admin():
    if not g.user.is_admin:
        abort(403)
    users = current_app.db.all("SELECT id, username, email, display_name, is_admin FROM users ORDER BY id")
    notes = current_app.db.all("SELECT id, owner_id, title FROM notes ORDER BY id")
    return render_template("admin.html", users=users, notes=notes)
