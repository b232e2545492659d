import importlib

from flask import Flask

app = Flask(__name__)
app.config["RECIPES"] = "recipes.xml"

for module in ["modules.health", "modules.recipes"]:
    importlib.import_module(module).init(app)
