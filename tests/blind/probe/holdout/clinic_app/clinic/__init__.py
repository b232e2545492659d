"""Riverside Clinic: patients, notes, letters and a small JSON API (test application)."""
import atexit
import os
import secrets
import shutil
import sys
import tempfile

from flask import Flask
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.dispatcher import DispatcherMiddleware

_APPS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "..", "apps")
if _APPS not in sys.path:
    sys.path.insert(0, _APPS)
import _common  # noqa: E402

csrf = CSRFProtect()


def create_app():
    app = Flask(__name__)
    app.jinja_environment = _common.SandboxedFlaskEnv

    work = os.path.realpath(tempfile.mkdtemp(prefix="clinic_app_"))
    atexit.register(shutil.rmtree, work, True)
    app.config.update(
        SECRET_KEY=secrets.token_hex(32),
        WORK_DIR=work,
        ATTACHMENTS_DIR=os.path.join(work, "attachments"),
        REPORTS_DIR=os.path.join(work, "reports"),
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_HTTPONLY=True,
        WTF_CSRF_TIME_LIMIT=None,
    )

    from . import storage
    storage.init_app(app)

    csrf.init_app(app)

    from .api import bp as api_bp
    from .auth import bp as auth_bp
    from .patients import bp as patients_bp
    from .public import bp as public_bp

    app.register_blueprint(public_bp)
    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(patients_bp, url_prefix="/patients")
    app.register_blueprint(api_bp, url_prefix="/api")
    csrf.exempt(api_bp)          # bearer-token API, no cookies involved

    from .legacy import opening_hours_app
    app.wsgi_app = DispatcherMiddleware(app.wsgi_app, {"/legacy": opening_hours_app})
    return app
