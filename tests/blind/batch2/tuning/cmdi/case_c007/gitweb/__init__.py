import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["REPO_ROOT"] = os.environ.get("REPO_ROOT", "/srv/git")
    from .views import register_views

    register_views(app)
    return app
