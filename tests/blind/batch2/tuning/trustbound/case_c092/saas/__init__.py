import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], SESSION_COOKIE_SECURE=True)
    from .tenancy import init_tenancy
    from .views import bp

    init_tenancy(app)
    app.register_blueprint(bp)
    return app
