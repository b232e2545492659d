import os

from flask import Flask

from .models import db


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///crm.db")
    db.init_app(app)
    from .views import bp

    app.register_blueprint(bp)
    return app
