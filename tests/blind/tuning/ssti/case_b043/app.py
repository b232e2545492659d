import importlib

from flask import Flask

PLUGINS = ["status", "greeting"]

app = Flask(__name__)
for plugin in PLUGINS:
    importlib.import_module("plugins." + plugin).init(app)
