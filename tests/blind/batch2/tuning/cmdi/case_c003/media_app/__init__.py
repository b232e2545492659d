import os

from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(
        MEDIA_ROOT=os.environ.get("MEDIA_ROOT", "/var/lib/media"),
        CONVERT_BIN=os.environ.get("CONVERT_BIN", "convert"),
    )
    if config:
        app.config.update(config)

    from .views import bp

    app.register_blueprint(bp)
    return app
