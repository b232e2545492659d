from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["RULE_TIMEOUT"] = 2
    from .api import api

    app.register_blueprint(api, url_prefix="/alerts")
    return app
