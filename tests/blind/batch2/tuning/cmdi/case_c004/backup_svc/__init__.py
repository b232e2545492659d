import os

from flask import Flask


class Settings:
    BACKUP_DIR = os.environ.get("BACKUP_DIR", "/var/backups/app")
    PG_DUMP = "pg_dump"


def create_app():
    app = Flask(__name__)
    app.config.from_object(Settings)
    from .routes import api

    app.register_blueprint(api, url_prefix="/api")
    return app
