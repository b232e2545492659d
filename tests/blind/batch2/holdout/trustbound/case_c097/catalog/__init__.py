import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=os.environ["SECRET_KEY"],
        SESSION_COOKIE_SECURE=True,
        PAGE_SIZES=(10, 25, 50, 100),
    )
    from .views import bp

    app.register_blueprint(bp)
    return app
