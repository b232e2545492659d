from flask import Flask, request

app = Flask(__name__)


@app.route("/notes")
def status():
    param = request.path
    identity = lambda s: s
    selected = identity(param)
    return app.jinja_env.from_string("Dear %s," % selected).render()
