from flask import Flask

from routes import invoices

app = Flask(__name__)
app.config["COMPANY"] = "Acme Ltd"
invoices.register(app)
