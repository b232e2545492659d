from flask import Flask

from routes import downloads

app = Flask(__name__)
downloads.register(app)
