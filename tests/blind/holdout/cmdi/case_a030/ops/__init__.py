from flask import Flask

from .views import ServiceControl


def create_app():
    app = Flask(__name__)
    app.config.from_object("ops.settings")
    app.add_url_rule(
        "/services/<service>/<action>",
        view_func=ServiceControl.as_view("service_control"),
        methods=["POST"],
    )
    return app
