from dataclasses import dataclass

from flask import Blueprint, abort, redirect, render_template, request, url_for

bp = Blueprint("profiles", __name__)


@dataclass
class Profile:
    username: str
    bio: str = ""
    website: str = ""


PROFILES: dict[str, Profile] = {}


@bp.route("/u/<username>")
def show(username):
    profile = PROFILES.get(username)
    if profile is None:
        abort(404)
    return render_template("profile.html", profile=profile)


@bp.route("/u/<username>", methods=["POST"])
def update(username):
    profile = PROFILES.setdefault(username, Profile(username=username))
    profile.bio = request.form.get("bio", "")[:500]
    profile.website = request.form.get("website", "").strip()
    return redirect(url_for("profiles.show", username=username))
