from flask import Flask

from views import members

app = Flask(__name__)
app.config.from_pyfile("security.cfg")
members.register(app)
