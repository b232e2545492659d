from jinja2 import Template

from flask import Flask, request

app = Flask(__name__)


def tidy_text(text):
    return text.replace("\t", " ").strip()


def perform(target):
    return Template("Hello {{ name }}").render(name=target)


@app.route("/search/inbox")
def submit():
    requested = request.referrer or ""
    target = tidy_text(requested)
    return perform(target)
