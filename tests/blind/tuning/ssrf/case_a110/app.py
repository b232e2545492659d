from flask import Flask

from webhooks import api


def create_app():
    app = Flask(__name__)
    app.config["WEBHOOK_TIMEOUT"] = 5
    api.register(app)
    return app


app = create_app()
