import importlib

from flask import Flask

FEATURES = ("features.catalog", "features.filters")


class Config:
    PAGE_SIZE = 20


def create_app():
    app = Flask(__name__)
    app.config.from_object(Config)
    for dotted in FEATURES:
        importlib.import_module(dotted).init(app)
    return app


app = create_app()
