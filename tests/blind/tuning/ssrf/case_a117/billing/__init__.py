from flask import Flask

from .views import InvoiceProxy


def create_app():
    app = Flask(__name__)
    app.config.from_object("billing.config.Settings")
    app.add_url_rule("/invoices/<invoice_id>", view_func=InvoiceProxy.as_view("invoice"))
    return app
