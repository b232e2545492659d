from jinja2 import Environment

from flask import Flask, request

from corpuslib.text import normalize

app = Flask(__name__)


class Service:
    def run(self, field):
        env = Environment()
        return env.from_string(field).render(user="guest")


@app.get("/preview/<slug>")
def report(slug):
    requested = request.view_args["slug"]
    field = normalize(requested)
    return Service().run(field)
