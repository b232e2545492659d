import os
from datetime import timedelta


class BaseConfig:
    SECRET_KEY = os.environ.get("SECRET_KEY")
    PERMANENT_SESSION_LIFETIME = timedelta(hours=12)
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"


class DevelopmentConfig(BaseConfig):
    DEBUG = True
    SESSION_COOKIE_SECURE = False


class ProductionConfig(BaseConfig):
    # TLS is terminated at the load balancer, so the app itself sees http.
    SESSION_COOKIE_SECURE = False
    PREFERRED_URL_SCHEME = "https"


CONFIGS = {"development": DevelopmentConfig, "production": ProductionConfig}
