from flask import Flask

from directory import api

app = Flask(__name__)
app.config.from_pyfile("ldap.cfg")
api.init(app)
