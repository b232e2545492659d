from flask import Flask

from prefs.views import prefs_bp


def create_app():
    app = Flask(__name__)
    app.register_blueprint(prefs_bp, url_prefix="/prefs")
    return app


app = create_app()
