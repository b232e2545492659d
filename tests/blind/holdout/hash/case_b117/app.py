import importlib

from flask import Flask

app = Flask(__name__)
app.config["INTEGRATIONS"] = ["integrations.github", "integrations.payments"]
app.config["PAYMENT_SECRET"] = "pay_8d7f6e"

for dotted in app.config["INTEGRATIONS"]:
    importlib.import_module(dotted).init(app)
