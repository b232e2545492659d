from flask import Flask


def create_app():
    app = Flask(__name__)
    app.secret_key = "store-secret"
    from .checkout import checkout
    app.register_blueprint(checkout, url_prefix="/checkout")
    return app
