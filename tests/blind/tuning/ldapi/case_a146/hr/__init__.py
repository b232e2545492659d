from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(
        LDAP_URI="ldaps://ldap.example.com",
        PEOPLE_BASE="ou=people,dc=example,dc=com",
    )
    from .profiles import profiles

    app.register_blueprint(profiles, url_prefix="/hr")
    return app
