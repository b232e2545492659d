from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(SECRET_KEY="dev-only", ENTRIES_PER_PAGE=20)

    from .views import bp
    app.register_blueprint(bp, url_prefix="/guestbook")
    return app
