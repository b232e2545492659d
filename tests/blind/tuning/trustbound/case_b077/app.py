import importlib

from flask import Flask

app = Flask(__name__)
app.secret_key = "cart-secret"

for mod_name in ("modules.catalog", "modules.cart"):
    importlib.import_module(mod_name).init(app)
