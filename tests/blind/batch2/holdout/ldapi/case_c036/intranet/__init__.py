import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.update(
        LDAP_URL=os.environ.get("LDAP_URL", "ldap://ldap.corp.example.com"),
        LDAP_BASE_DN=os.environ.get("LDAP_BASE_DN", "dc=example,dc=com"),
        LDAP_USER=os.environ.get("LDAP_USER", ""),
        LDAP_PASSWORD=os.environ.get("LDAP_PASSWORD", ""),
    )
    from .views import bp

    app.register_blueprint(bp)
    return app
