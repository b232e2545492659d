from flask import Flask


class DefaultConfig:
    XML_PARSER_OPTIONS = {
        "resolve_entities": False,
        "no_network": True,
        "load_dtd": False,
        "huge_tree": False,
    }


def create_app():
    app = Flask(__name__)
    app.config.from_object(DefaultConfig)
    from .views import bp

    app.register_blueprint(bp)
    return app
