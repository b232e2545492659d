from flask import Flask

from views import members

app = Flask(__name__)
app.secret_key = "club"
members.register(app)
