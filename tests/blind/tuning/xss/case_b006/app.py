import importlib

from flask import Flask

MODULES = ("modules.home", "modules.comments")


def build():
    app = Flask(__name__)
    for name in MODULES:
        importlib.import_module(name).init(app)
    return app


app = build()
