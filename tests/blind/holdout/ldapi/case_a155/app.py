import importlib

from flask import Flask

ADDONS = ["addons.whoami", "addons.status"]

app = Flask(__name__)
app.config.from_pyfile("config.py")

for addon in ADDONS:
    importlib.import_module(addon).init(app)
