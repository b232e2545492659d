import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["STORAGE_ROOT"] = os.environ.get("STORAGE_ROOT", "/srv/filehub")
    from .storage import init_storage
    from .views import bp

    init_storage(app)
    app.register_blueprint(bp, url_prefix="/files")
    return app
