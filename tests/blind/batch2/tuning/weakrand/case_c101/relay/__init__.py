import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=os.environ["SECRET_KEY"],
        UPSTREAM=os.environ.get("UPSTREAM", "https://api.partner.example.com"),
        MAX_RETRIES=int(os.environ.get("MAX_RETRIES", "4")),
    )
    from .views import bp

    app.register_blueprint(bp)
    return app
