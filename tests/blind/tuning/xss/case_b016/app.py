from flask import Flask

from views import cards

app = Flask(__name__)
cards.init_app(app)
