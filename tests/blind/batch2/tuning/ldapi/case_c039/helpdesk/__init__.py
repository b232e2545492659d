import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["LDAP_URI"] = os.environ.get("LDAP_URI", "ldap://ldap.example.com")
    app.config["LDAP_BASE"] = os.environ.get("LDAP_BASE", "dc=example,dc=com")
    from .views import bp

    app.register_blueprint(bp, url_prefix="/helpdesk")
    return app
