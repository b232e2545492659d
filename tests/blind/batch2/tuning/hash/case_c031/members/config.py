import os


class BaseConfig:
    SECRET_KEY = os.environ.get("SECRET_KEY")
    PASSWORD_HASH_ALGO = os.environ.get("PASSWORD_HASH_ALGO", "md5")
    PASSWORD_SALT = os.environ.get("PASSWORD_SALT", "")


class ProductionConfig(BaseConfig):
    DEBUG = False
