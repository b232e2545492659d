from flask import Flask


def create_app(test_config=None):
    app = Flask(__name__)
    app.config.from_mapping(SECRET_KEY="dev", DATABASE="accounts.sqlite")
    if test_config:
        app.config.from_mapping(test_config)

    from . import auth
    app.register_blueprint(auth.bp)
    return app
