from flask import Blueprint, render_template, request

bp = Blueprint("guestbook", __name__, template_folder="templates")

ENTRIES = [
    {"author": "admin", "body": "Welcome to the guestbook!"},
]


@bp.route("/", methods=["GET"])
def index():
    return render_template("entries.html", entries=ENTRIES, preview=None)


@bp.route("/preview", methods=["POST"])
def preview():
    entry = {
        "author": request.form.get("author", "anonymous"),
        "body": request.form.get("body", ""),
    }
    return render_template("entries.html", entries=ENTRIES, preview=entry)
