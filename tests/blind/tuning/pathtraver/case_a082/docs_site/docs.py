from flask import Blueprint, current_app, send_from_directory

docs = Blueprint("docs", __name__)


@docs.route("/", defaults={"page": "index.html"})
@docs.route("/<path:page>")
def page(page):
    return send_from_directory(current_app.config["DOCS_ROOT"], page)
