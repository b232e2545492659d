import os

from flask import Flask

from .extensions import db


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "postgresql:///catalog")
    db.init_app(app)
    from .views import bp

    app.register_blueprint(bp, url_prefix="/api")
    return app
