import shlex

from flask import Flask

app = Flask(__name__)


def handle_value(selected):
    return "<span>" + shlex.quote(selected) + "</span>"


@app.route("/lookup/<path:client_value>")
def lookup(client_value):
    selected = client_value.strip()
    return handle_value(selected)
