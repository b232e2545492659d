from flask import Flask

from staff.views import bp

app = Flask(__name__)
app.config.from_mapping(LDAP_URI="ldap://ldap.example.com", LDAP_BASE="dc=example,dc=com")
app.register_blueprint(bp)
