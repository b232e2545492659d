from jinja2 import Template

from flask import Flask, request

app = Flask(__name__)


class Backend:
    def call(self, bar):
        tpl = Template("<p>{}</p>".format(bar))
        return tpl.render()


@app.route("/reports/widgets", methods=["POST"])
def load():
    choices = request.form.getlist("choice")
    user_input = choices[-1] if choices else "none"
    lookup = {"a": user_input, "b": "const"}
    bar = lookup["b"]
    return Backend().call(bar)
