from flask import Blueprint, current_app, render_template, request
from markupsafe import Markup

posts = Blueprint("posts", __name__, template_folder="templates")


@posts.route("/posts/search")
def search():
    query = request.args.get("q", "")
    footer = Markup(current_app.config["FOOTER_HTML"])
    return render_template(
        "search.html",
        title=current_app.config["SITE_TITLE"],
        query=query,
        footer=footer,
        results=[],
    )
