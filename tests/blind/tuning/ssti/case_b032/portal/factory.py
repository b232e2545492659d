from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["COMPANY"] = "Acme Ltd"

    from portal.views.invoices import bp as invoices_bp
    app.register_blueprint(invoices_bp)
    return app
