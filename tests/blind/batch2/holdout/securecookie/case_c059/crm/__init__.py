from flask import Flask

from .config import CONFIGS


def create_app(env="production"):
    app = Flask(__name__)
    app.config.from_object(CONFIGS[env])
    from .views import bp

    app.register_blueprint(bp)
    return app
