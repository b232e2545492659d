import os

from flask import Flask

from .catalog import XmlCatalog


def create_app():
    app = Flask(__name__)
    app.config["CATALOG_XML"] = os.environ.get("CATALOG_XML", "catalog.xml")
    app.extensions["catalog"] = XmlCatalog(app.config["CATALOG_XML"])
    from .views import bp

    app.register_blueprint(bp)
    return app
