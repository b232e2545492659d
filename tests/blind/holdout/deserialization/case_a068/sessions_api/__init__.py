from flask import Flask


def create_app():
    app = Flask(__name__)
    from .blueprint import api

    app.register_blueprint(api, url_prefix="/api/v1")
    return app
