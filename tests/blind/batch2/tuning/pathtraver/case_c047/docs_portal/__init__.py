import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["DOCS_ROOT"] = os.environ.get("DOCS_ROOT", "/srv/portal/docs")
    from .views import DocumentView

    app.add_url_rule("/docs/<path:page>", view_func=DocumentView.as_view("doc"))
    return app
