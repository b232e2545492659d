from flask import Flask


def create_app():
    app = Flask(__name__)
    from .errors import register_error_handlers
    from .views import bp

    app.register_blueprint(bp)
    register_error_handlers(app)
    return app
