import jinja2

from flask import Flask, request
from flask.views import MethodView

from corpuslib.text import Box

app = Flask(__name__)


class ActionView(MethodView):
    def get(self):
        raw = request.url.split("ref=", 1)[-1]
        bar = Box(raw).unwrap()
        env = jinja2.Environment(autoescape=True)
        return env.from_string("<p>" + bar + "</p>").render()


app.add_url_rule("/export/pages", view_func=ActionView.as_view("view_item"))
