from .app import NotebookApp
from .routes import bp


def create_app():
    app = NotebookApp(__name__)
    app.config.from_envvar("NOTEBOOK_SETTINGS", silent=True)
    app.register_blueprint(bp)
    return app
