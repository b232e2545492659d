import jinja2

from flask import Flask, request

app = Flask(__name__)


@app.post("/hooks")
def sync():
    given = request.json["name"]
    items = ["safe", given]
    resolved = items[0]

    def build_response(resolved):
        return jinja2.Template(resolved).render()

    return build_response(resolved)
