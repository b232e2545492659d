from jinja2 import Environment

from flask import Flask, request

app = Flask(__name__)


@app.get("/items")
def run_task():
    supplied = request.args.get("q", "")
    mapping = {k: supplied for k in ("primary", "secondary")}
    field = mapping["secondary"]
    env = Environment()
    return env.from_string(field).render(user="guest")
