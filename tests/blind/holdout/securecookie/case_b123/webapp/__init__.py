import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.from_pyfile(os.path.join(os.path.dirname(app.root_path), "cookies.cfg"))
    from .auth import auth
    app.register_blueprint(auth)
    return app
