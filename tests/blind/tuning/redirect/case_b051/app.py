from flask import Flask

from views import account

app = Flask(__name__)
app.secret_key = "dev"
account.register(app)
