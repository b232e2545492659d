import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["FEED_HOSTS"] = frozenset(
        h.strip().lower()
        for h in os.environ.get("FEED_HOSTS", "feeds.example.com,data.partner.example.org").split(",")
        if h.strip()
    )
    from .views import bp

    app.register_blueprint(bp)
    return app
