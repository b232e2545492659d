import importlib

from flask import Flask

ENABLED_MODULES = ["modules.inventory", "modules.suppliers"]


def create_app():
    app = Flask(__name__)
    app.config.from_pyfile("settings.cfg")
    for name in ENABLED_MODULES:
        importlib.import_module(name).init(app)
    return app


app = create_app()
