import html

from flask import Flask

from corpuslib.text import Box

app = Flask(__name__)


@app.route("/inbox/<string:user_input>")
def inspect(user_input):
    user_input = user_input.strip()
    bar = Box(user_input).unwrap()
    return "<h1>" + html.escape(bar) + "</h1>"
