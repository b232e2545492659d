"""Notes & shop application.

The app is assembled by :func:`create_app`, which loads the configuration,
binds the extensions from :mod:`notesapp.extensions` and registers the
blueprints.
"""
import os

from flask import Flask
from itsdangerous import URLSafeTimedSerializer
from werkzeug.middleware.proxy_fix import ProxyFix

from .config import CONFIG_BY_NAME
from .extensions import csrf, db, jwt_manager, limiter, login_manager, talisman
from .models import close_search_db

CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'self'",
}


def create_app(config_name=None):
    """Application factory used by ``wsgi.py``, ``run.py`` and the CLI."""
    app = Flask(__name__, instance_relative_config=True)

    config_name = config_name or os.environ.get("NOTES_ENV", "production")
    app.config.from_object(CONFIG_BY_NAME[config_name])
    _check_security_settings(app)

    # Exactly one trusted proxy (the load balancer) sits in front of us.
    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1)

    _init_extensions(app)
    _register_blueprints(app)
    app.teardown_appcontext(close_search_db)

    # Signs password-reset and e-mail confirmation links.
    app.extensions["token_serializer"] = URLSafeTimedSerializer(
        app.config["SECRET_KEY"], salt="notes.password-reset"
    )
    return app


def _check_security_settings(app):
    """Refuse to boot production with settings we never want there."""
    if app.debug or app.testing:
        return
    session_cookie_secure = app.config.get("SESSION_COOKIE_SECURE", False)
    if not session_cookie_secure:
        raise RuntimeError("SESSION_COOKIE_SECURE must be enabled outside development")
    if len(app.config["SECRET_KEY"]) < 32:
        raise RuntimeError("SECRET_KEY is too short; use secrets.token_hex(32)")


def _init_extensions(app):
    db.init_app(app)

    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.session_protection = "strong"

    csrf.init_app(app)
    jwt_manager.init_app(app)
    limiter.init_app(app)
    talisman.init_app(app, content_security_policy=CONTENT_SECURITY_POLICY)


def _register_blueprints(app):
    from .admin import admin_bp
    from .api import api_bp
    from .auth import auth_bp
    from .views import main_bp

    app.register_blueprint(main_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(admin_bp)
