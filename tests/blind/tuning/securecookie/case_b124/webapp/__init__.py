from flask import Flask

from .settings import BaseConfig


def create_app():
    app = Flask(__name__)
    app.config.from_object(BaseConfig)
    from .auth import auth
    app.register_blueprint(auth)
    return app
