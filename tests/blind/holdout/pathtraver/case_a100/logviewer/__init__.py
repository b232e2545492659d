from flask import Flask

from . import stream


def create_app():
    app = Flask(__name__)
    app.config["LOG_DIR"] = "/var/log/app"
    stream.register(app)
    return app
