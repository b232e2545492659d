"""Ledger - a small team expense and invoice tracker."""
import importlib
import os
import tempfile

from flask import Flask
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

from .config import DevConfig
from .models import User, db

csrf = CSRFProtect()
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message_category = "info"


class LedgerFlask(Flask):
    """Flask with a couple of helpers for the data folder."""

    ledger_version = "0.9.3"

    def data_path(self, *parts):
        return os.path.join(self.config["DATA_DIR"], *parts)

    def load_modules(self):
        for name in self.config["LEDGER_MODULES"]:
            module = importlib.import_module(name)
            hook = getattr(module, "register", None) or getattr(module, "init_app")
            hook(self)


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))


def create_app(overrides=None, config_class=DevConfig):
    app = LedgerFlask(__name__)
    app.config.from_object(config_class)
    if overrides:
        app.config.update(overrides)
    data_dir = app.config.get("DATA_DIR") or os.environ.get("LEDGER_DATA_DIR")
    if not data_dir:
        data_dir = tempfile.mkdtemp(prefix="ledger-")
    app.config["DATA_DIR"] = os.path.realpath(data_dir)
    os.makedirs(app.config["DATA_DIR"], exist_ok=True)
    app.config.setdefault("SQLALCHEMY_DATABASE_URI",
                          "sqlite:///" + app.data_path("ledger.sqlite3"))

    db.init_app(app)
    csrf.init_app(app)
    login_manager.init_app(app)

    from .views import public
    app.register_blueprint(public.bp)
    app.load_modules()

    @app.context_processor
    def inject_globals():
        return {"app_name": app.config["APP_NAME"], "app_version": app.ledger_version}

    with app.app_context():
        from .seed import seed
        db.drop_all()
        seed(app)
    return app
