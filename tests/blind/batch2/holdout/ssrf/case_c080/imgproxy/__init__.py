import os

from flask import Flask

from .client import OriginClient


def create_app():
    app = Flask(__name__)
    app.config["ORIGIN_BASE"] = os.environ.get("ORIGIN_BASE", "https://assets.example.com/img/")
    app.extensions["origin"] = OriginClient(app.config["ORIGIN_BASE"])
    from .views import bp

    app.register_blueprint(bp)
    return app
