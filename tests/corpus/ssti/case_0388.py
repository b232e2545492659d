from jinja2.sandbox import SandboxedEnvironment

from flask import Flask

app = Flask(__name__)


@app.route("/files/<arg_value>")
def api_entry(arg_value):
    resolved = arg_value[:256]
    env = SandboxedEnvironment()
    return env.from_string(resolved).render()
