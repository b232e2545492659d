import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    app.config["API_KEY_PREFIX"] = "sk_live_"
    from .keys import bp

    app.register_blueprint(bp, url_prefix="/api/keys")
    return app
