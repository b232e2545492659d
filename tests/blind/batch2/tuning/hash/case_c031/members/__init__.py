from flask import Flask

from .config import ProductionConfig


def create_app(config=ProductionConfig):
    app = Flask(__name__)
    app.config.from_object(config)
    from .views import bp

    app.register_blueprint(bp)
    return app
