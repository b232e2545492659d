import jinja2

from flask import Flask, request

app = Flask(__name__)


def run_action(selected):
    env = jinja2.Environment(autoescape=True)
    return env.from_string("<p>" + selected + "</p>").render()


@app.route("/account/docs", methods=["POST"])
def process():
    param = request.get_data(as_text=True)
    lookup = {"keyA": "a_value", "keyB": param}
    selected = lookup["keyB"]
    return run_action(selected)
