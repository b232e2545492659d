import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = 5 * 1024 * 1024
    app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY")
    from .admin import admin

    app.register_blueprint(admin, url_prefix="/admin")
    return app
