from flask import Flask


class BaseConfig:
    DOCS_ROOT = "/srv/docs/html"
    SEND_FILE_MAX_AGE_DEFAULT = 300


def create_app(config_object=BaseConfig):
    app = Flask(__name__)
    app.config.from_object(config_object)
    from .docs import docs

    app.register_blueprint(docs, url_prefix="/docs")
    return app
