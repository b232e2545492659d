from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["CATALOG_XML"] = "data/catalog.xml"
    from .api import api
    app.register_blueprint(api, url_prefix="/api")
    return app
