"""Configuration classes for the ledger app."""
import os
import secrets


class BaseConfig:
    APP_NAME = "Ledger"
    SECRET_KEY = os.environ.get("LEDGER_SECRET_KEY") or secrets.token_hex(32)
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    WTF_CSRF_TIME_LIMIT = None

    SESSION_COOKIE_NAME = "ledger_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"

    # Flask-Login "remember me" cookie
    REMEMBER_COOKIE_NAME = "ledger_remember"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SECURE = True
    REMEMBER_COOKIE_SAMESITE = "Lax"

    # Modules that expose register(app) or init_app(app); loaded in order.
    LEDGER_MODULES = (
        "ledger.views.auth",
        "ledger.views.expenses",
        "ledger.views.invoices",
        "ledger.api",
    )

    HELP_DIR = os.path.join(os.path.dirname(__file__), "help")
    IMPORT_TIMEOUT = 5
    IMPORT_MAX_BYTES = 4000


class DevConfig(BaseConfig):
    DEBUG = False
