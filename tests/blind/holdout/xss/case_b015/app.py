import importlib

from flask import Flask

from settings import ENABLED_FEATURES


def make_app():
    app = Flask(__name__)
    for feature in ENABLED_FEATURES:
        mod = importlib.import_module(f"features.{feature}")
        mod.register(app)
    return app


app = make_app()
