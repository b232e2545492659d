import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["UPLOAD_FOLDER"] = os.environ.get("UPLOAD_FOLDER", "/srv/gallery/uploads")
    app.config["ALLOWED_EXTENSIONS"] = {"png", "jpg", "jpeg", "gif"}
    from .views import bp

    app.register_blueprint(bp)
    return app
