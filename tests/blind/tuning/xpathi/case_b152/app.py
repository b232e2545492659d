from flask import Flask

from views.tracking import register

app = Flask(__name__)
register(app)
