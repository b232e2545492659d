import hashlib
import secrets

from flask import Flask


class TokenApp(Flask):
    token_store = {}

    def fingerprint(self, token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    def issue_token(self, owner: str) -> str:
        token = secrets.token_urlsafe(32)
        self.token_store[self.fingerprint(token)] = owner
        return token

    def owner_of(self, token: str):
        return self.token_store.get(self.fingerprint(token))


def create_app():
    app = TokenApp(__name__)
    from .views import register_views
    register_views(app)
    return app
