class BaseConfig:
    AUTH_COOKIE_NAME = "auth"
    AUTH_COOKIE_SECURE = True
    AUTH_COOKIE_HTTPONLY = True
    AUTH_COOKIE_SAMESITE = "Lax"
