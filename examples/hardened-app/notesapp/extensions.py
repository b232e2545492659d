"""Extension singletons.

They are created here without an app and bound in
:func:`notesapp.create_app` via ``init_app`` so that blueprints can import
them without circular imports.
"""
import hmac
import os

from flask import current_app
from flask_httpauth import HTTPBasicAuth
from flask_jwt_extended import JWTManager
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_talisman import Talisman
from flask_wtf.csrf import CSRFProtect
from werkzeug.security import check_password_hash

db = SQLAlchemy()
login_manager = LoginManager()
csrf = CSRFProtect()
talisman = Talisman()
jwt_manager = JWTManager()
basic_auth = HTTPBasicAuth()

# remote_addr is the real client address because create_app() installs
# ProxyFix for exactly one trusted proxy hop.
limiter = Limiter(
    get_remote_address,
    default_limits=["200 per day", "50 per hour"],
    storage_uri=os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
)


@basic_auth.verify_password
def verify_metrics_password(username, password):
    """Credentials for the Prometheus scraper on ``/api/metrics``."""
    expected_user = current_app.config["METRICS_USERNAME"]
    expected_hash = current_app.config["METRICS_PASSWORD_HASH"]
    if not (username and password and expected_hash):
        return None
    if hmac.compare_digest(username.encode(), expected_user.encode()) and check_password_hash(
        expected_hash, password
    ):
        return username
    return None
