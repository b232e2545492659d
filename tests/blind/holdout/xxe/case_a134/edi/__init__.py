from .application import EdiApp


def create_app():
    app = EdiApp(__name__)
    from . import routes

    routes.init_app(app)
    return app
