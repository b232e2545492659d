import hashlib
import hmac

from flask import current_app


class PasswordHasher:
    def __init__(self, algorithm: str, salt: str):
        self.algorithm = algorithm
        self.salt = salt

    @classmethod
    def from_app(cls):
        cfg = current_app.config
        return cls(cfg["PASSWORD_HASH_ALGO"], cfg["PASSWORD_SALT"])

    def hash(self, password: str) -> str:
        h = hashlib.new(self.algorithm)
        h.update((self.salt + password).encode("utf-8"))
        return h.hexdigest()

    def verify(self, password: str, stored: str) -> bool:
        return hmac.compare_digest(self.hash(password), stored)
