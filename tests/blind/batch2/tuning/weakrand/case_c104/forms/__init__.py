import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], SESSION_COOKIE_SECURE=True)
    from .csrf import CSRFProtector
    from .views import bp

    CSRFProtector().init_app(app)
    app.register_blueprint(bp)
    return app
