import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    from .helpers import register_filters
    from .views import bp

    register_filters(app)
    app.register_blueprint(bp)
    return app
