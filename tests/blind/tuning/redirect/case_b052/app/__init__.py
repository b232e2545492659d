from flask import Flask


def create_app():
    flask_app = Flask(__name__)
    flask_app.secret_key = "dev"

    from .blueprints.account import account_bp
    flask_app.register_blueprint(account_bp)
    return flask_app
