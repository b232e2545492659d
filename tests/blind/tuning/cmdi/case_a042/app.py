from flask import Flask

from jobs.routes import init


def create_app():
    app = Flask(__name__)
    init(app)
    return app


app = create_app()
