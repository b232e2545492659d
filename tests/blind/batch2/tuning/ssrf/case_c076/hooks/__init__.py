from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["WEBHOOK_TIMEOUT"] = 5
    from .api import api

    app.register_blueprint(api, url_prefix="/api/webhooks")
    return app
