from .application import AccountsApp
from .repository import UserRepository
from .views import lookup_user


def create_app(config=None):
    app = AccountsApp(__name__)
    app.config.from_mapping(DATABASE="accounts.db")
    if config:
        app.config.update(config)
    app.users = UserRepository(app.config["DATABASE"])
    app.add_url_rule("/users/lookup", view_func=lookup_user, methods=["POST"])
    return app
