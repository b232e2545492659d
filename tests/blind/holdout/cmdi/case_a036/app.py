import importlib
import pkgutil

from flask import Flask

import plugins


def create_app():
    app = Flask(__name__)
    app.config["REPO"] = "/srv/repo"
    for info in pkgutil.iter_modules(plugins.__path__):
        module = importlib.import_module(f"plugins.{info.name}")
        if hasattr(module, "register"):
            module.register(app)
    return app


app = create_app()
