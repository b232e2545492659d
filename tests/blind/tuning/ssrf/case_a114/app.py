from flask import Flask

from integrations.blueprint import make_blueprint


def create_app():
    app = Flask(__name__)
    app.config.from_pyfile("settings.py")
    app.register_blueprint(make_blueprint(app.config["TRUSTED_CALLBACK_HOSTS"]))
    return app


app = create_app()
