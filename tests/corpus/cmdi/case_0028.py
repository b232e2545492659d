import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/inbox")
def submit():
    user_input = str(request.args.get("page", 1, type=int))
    subject = "{}".format(user_input)

    def perform(subject):
        os.system("ping -c 1 " + subject)
        return "sent"

    return perform(subject)
