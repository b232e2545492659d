import urllib.parse

from flask import Flask, request

app = Flask(__name__)


@app.route("/notes")
def load():
    user_input = ""
    for key in request.args:
        if request.args.get(key) == "on":
            user_input = key
            break
    prepared = urllib.parse.unquote(user_input)
    return "<h1>" + prepared + "</h1>"
