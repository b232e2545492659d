from flask import Flask

from hooks.payments import payments


def create_app():
    app = Flask(__name__)
    app.config["PAYMENT_SECRET"] = "pay_8d7f6e"
    app.register_blueprint(payments, url_prefix="/hooks")
    return app


app = create_app()
