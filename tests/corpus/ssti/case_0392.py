import jinja2

from flask import Flask, request

app = Flask(__name__)


class Backend:
    def call(self, prepared):
        return jinja2.Template(prepared).render()


@app.route("/media")
def preview():
    supplied = "none"
    for header_name, header_value in request.headers.items():
        if header_value == "selected":
            supplied = header_name
    prepared = "fixed"
    prepared = supplied
    return Backend().call(prepared)
