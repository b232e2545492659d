import os

from flask import Flask


def create_app():
    app = Flask(__name__, static_folder="static")
    app.config.from_mapping(
        SECRET_KEY=os.environ["SECRET_KEY"],
        SESSION_COOKIE_SECURE=True,
    )
    # The React front-end reads the session cookie to decide whether to show
    # the login screen, so it must be visible to JavaScript.
    app.config.update(SESSION_COOKIE_HTTPONLY=False, SESSION_COOKIE_SAMESITE="Lax")

    from .api import api

    app.register_blueprint(api, url_prefix="/api")
    return app
