import importlib

from flask import Flask

app = Flask(__name__)

for name in ("routes.public", "routes.session"):
    importlib.import_module(name).register(app)
