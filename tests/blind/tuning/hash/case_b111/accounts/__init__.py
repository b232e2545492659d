from flask import Flask


def create_app():
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_pyfile("settings.py")
    from .routes import bp
    app.register_blueprint(bp)
    return app
