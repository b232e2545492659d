import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=os.environ["SECRET_KEY"],
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        AUTH_COOKIE="hd_auth",
    )
    from .auth import bp

    app.register_blueprint(bp, url_prefix="/auth")
    return app
