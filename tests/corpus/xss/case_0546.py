from flask import Flask, request

app = Flask(__name__)


class Holder:
    def __init__(self, value):
        self.value = value


@app.route("/profile")
def show():
    requested = request.user_agent.string
    subject = Holder(requested).value
    return "<h1>" + subject + "</h1>"
