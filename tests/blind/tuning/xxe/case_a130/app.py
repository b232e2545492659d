from flask import Flask

from catalog.views import init


def create_app():
    app = Flask(__name__)
    init(app)
    return app


app = create_app()
