from flask import Flask

from blueprints.files import files


def create_app():
    app = Flask(__name__)
    app.register_blueprint(files, url_prefix="/files")
    return app


app = create_app()
