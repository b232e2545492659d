from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.from_object("helpdesk.settings.Production")
    from helpdesk.views.attachments import register

    register(app)
    return app
