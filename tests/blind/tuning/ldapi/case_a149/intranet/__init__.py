from .core import IntranetApp
from .directory import Directory


def create_app():
    app = IntranetApp(__name__)
    app.config.from_object("intranet.settings")
    app.directory = Directory(app.config["LDAP_URI"], app.config["LDAP_BASE"])
    from . import routes

    routes.register(app)
    return app
