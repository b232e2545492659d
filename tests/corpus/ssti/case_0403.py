from jinja2 import BaseLoader, Environment

from flask import Flask, request

app = Flask(__name__)


class Holder:
    def __init__(self, value):
        self.value = value


def submit():
    given = request.cookies.get("last_item", "")
    resolved = Holder(given).value

    def handle_value(resolved):
        env = Environment(loader=BaseLoader())
        template = env.from_string(resolved)
        return template.render()

    return handle_value(resolved)


app.add_url_rule("/tools/docs", view_func=submit)
