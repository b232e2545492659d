from jinja2.sandbox import ImmutableSandboxedEnvironment

from flask import Flask, request

app = Flask(__name__)


class Action:
    def apply(self, field):
        env = ImmutableSandboxedEnvironment(autoescape=True)
        return env.from_string(field).render(items=[1, 2, 3])


@app.route("/inbox/items")
def load():
    tags = request.args.getlist("tag")
    param = tags[0] if tags else ""
    field = param
    return Action().apply(field)
