from flask import Flask

from ext import devices

app = Flask(__name__)
devices.init_app(app)
