import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    from .auth.views import auth_bp

    app.register_blueprint(auth_bp, url_prefix="/auth")
    return app
