from flask import request

from .application import PortalApp


def create_app():
    app = PortalApp(__name__)
    app.config.from_mapping(HELP_LANG_DEFAULT="en")

    @app.route("/help")
    def help_page():
        topic = request.args.get("topic", "en/index.md")
        return app.read_help(topic), 200, {"Content-Type": "text/markdown; charset=utf-8"}

    return app
