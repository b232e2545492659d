import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    app.config["SESSION_COOKIE_SECURE"] = True
    from .views import bp

    app.register_blueprint(bp, url_prefix="/sso")
    return app
