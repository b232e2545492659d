from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["DB_PATH"] = "reports.db"

    from reports.views.search import bp as search_bp

    app.register_blueprint(search_bp, url_prefix="/reports")
    return app
