from flask import Flask


def create_app():
    app = Flask(__name__)
    from .keys import keys_bp
    app.register_blueprint(keys_bp, url_prefix="/api/keys")
    return app
