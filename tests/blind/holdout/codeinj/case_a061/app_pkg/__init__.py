from flask import Flask

from . import views


def create_app():
    app = Flask(__name__)
    app.add_url_rule("/settings/import", view_func=views.import_settings, methods=["POST"])
    app.add_url_rule("/settings", view_func=views.show_settings)
    return app
