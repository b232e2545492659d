from flask import Flask

from profiles import profiles_bp


def create_app():
    app = Flask(__name__)
    app.config.from_object("config.Default")
    app.register_blueprint(profiles_bp, url_prefix="/profiles")
    return app


app = create_app()
