from jinja2 import BaseLoader, Environment

from flask import Flask, request

app = Flask(__name__)


class TextOps:
    def keep(self, text):
        return text

    def blank(self, text):
        return "placeholder"


def submit():
    attachment = request.files.get("attachment")
    raw = attachment.stream.read().decode() if attachment else ""
    prepared = getattr(TextOps(), "keep")(raw)
    env = Environment(loader=BaseLoader())
    template = env.from_string(prepared)
    return template.render()


app.add_url_rule("/items/lookup", view_func=submit, methods=["POST"])
