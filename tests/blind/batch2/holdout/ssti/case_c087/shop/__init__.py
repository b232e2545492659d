import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["SHOP_NAME"] = os.environ.get("SHOP_NAME", "Example Shop")
    app.config["BANNER_TEMPLATE"] = "<div class='banner'>{shop} &mdash; {{{{ headline }}}}</div>"
    from .views import bp

    app.register_blueprint(bp)
    return app
