"""Configuration classes.

Pick one with the ``NOTES_ENV`` environment variable: ``production``,
``staging`` or ``development`` (see :data:`CONFIG_BY_NAME`).  Every secret
comes from the environment; nothing sensitive is committed.
"""
import json
import os
from datetime import timedelta

BASE_DIR = os.path.abspath(os.path.dirname(__file__))
INSTANCE_DIR = os.path.join(BASE_DIR, os.pardir, "instance")


def _env_list(name):
    """Comma-separated environment variable -> list of non-empty strings."""
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


class Config:
    """Settings shared by every environment."""

    SECRET_KEY = os.environ["SECRET_KEY"]
    # Previous keys during a rotation window, e.g. "oldkey1,oldkey2".
    SECRET_KEY_FALLBACKS = _env_list("SECRET_KEY_FALLBACKS")
    HASHIDS_SALT = os.environ["HASHIDS_SALT"]

    SQLALCHEMY_DATABASE_URI = os.environ["DATABASE_URL"]
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SEARCH_INDEX_PATH = os.path.join(INSTANCE_DIR, "search.sqlite3")
    UPLOAD_DIR = os.environ.get("NOTES_UPLOAD_DIR", "/var/lib/notes/uploads")
    MAX_CONTENT_LENGTH = 8 * 1024 * 1024

    # Payment provider, partner single sign-on and the metrics scraper.
    PAYMENTS_API_KEY = os.environ.get("PAYMENTS_API_KEY")
    PARTNER_SSO_KEYS = json.loads(os.environ.get("PARTNER_SSO_KEYS", "{}"))
    METRICS_USERNAME = os.environ.get("METRICS_USERNAME", "prometheus")
    METRICS_PASSWORD_HASH = os.environ.get("METRICS_PASSWORD_HASH")

    PREFERRED_URL_SCHEME = "https"
    SESSION_COOKIE_NAME = "notes_session"
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = timedelta(hours=1)

    REMEMBER_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_DURATION = timedelta(days=14)

    JWT_SECRET_KEY = os.environ["JWT_SECRET_KEY"]
    JWT_TOKEN_LOCATION = ["headers"]
    JWT_ACCESS_TOKEN_EXPIRES = timedelta(minutes=15)

    WTF_CSRF_TIME_LIMIT = 3600


class ProductionConfig(Config):
    """Production, behind the AWS load balancer."""

    DEBUG = False
    TESTING = False


class StagingConfig(Config):
    """Staging mirrors production; only the data differs."""

    DEBUG = False


class DevelopmentConfig(Config):
    """Local development on a laptop."""

    DEBUG = True


CONFIG_BY_NAME = {
    "production": ProductionConfig,
    "staging": StagingConfig,
    "development": DevelopmentConfig,
}
