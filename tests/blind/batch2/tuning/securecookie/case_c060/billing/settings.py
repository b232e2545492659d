import os

SECRET_KEY = os.environ.get("SECRET_KEY")
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

COOKIE_DEFAULTS = {
    "secure": True,
    "httponly": True,
    "samesite": "Lax",
    "path": "/",
}
