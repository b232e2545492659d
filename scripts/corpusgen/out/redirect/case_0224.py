from flask import Flask, redirect, request

app = Flask(__name__)


class Backend:
    def call(self, subject):
        target = subject if subject.startswith("http") else "/" + subject
        return redirect(target)


@app.route("/preview/media")
def lookup():
    user_input = request.args["term"]
    subject = user_input
    return Backend().call(subject)
