import importlib
import os

from flask import Flask

app = Flask(__name__)
app.config.from_pyfile(os.path.join(os.path.dirname(__file__), "settings.py"))

for name in app.config["INSTALLED_MODULES"]:
    importlib.import_module(name).init(app)
