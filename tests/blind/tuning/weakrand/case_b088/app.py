from flask import Flask

from devportal import keys

app = Flask(__name__)
keys.init(app)
