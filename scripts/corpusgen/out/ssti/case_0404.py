from jinja2 import BaseLoader, Environment

from flask import Flask

app = Flask(__name__)


def process_value(entry):
    env = Environment(loader=BaseLoader())
    template = env.from_string(entry)
    return template.render()


@app.get("/files/<uuid:ident>")
def account(ident):
    given = str(ident)

    def current():
        return given

    entry = current()
    return process_value(entry)
