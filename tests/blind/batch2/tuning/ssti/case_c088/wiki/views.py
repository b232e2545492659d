from flask import Blueprint, request

from .render import render_page

bp = Blueprint("wiki", __name__)


@bp.route("/preview", methods=["POST"])
def preview():
    return render_page(
        request.form.get("title", "Untitled"),
        request.form.get("body", ""),
        editor=request.form.get("editor", "anonymous"),
    )
