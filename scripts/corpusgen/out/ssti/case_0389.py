from jinja2 import Template

from flask import Flask

app = Flask(__name__)


@app.route("/media/<path:arg_value>")
def update_item(arg_value):
    first, second = arg_value, "fixed"
    subject = first if second else ""
    tpl = Template("<p>{}</p>".format(subject))
    return tpl.render()
