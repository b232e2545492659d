"""Marketing landing page builder (preview endpoint)."""
import logging

from flask import Flask, request
from jinja2 import Template, TemplateSyntaxError

log = logging.getLogger(__name__)

DEFAULT_CONTEXT = {"company": "Example Corp", "year": 2024}

app = Flask(__name__)


class LandingPage:
    def __init__(self, body, **context):
        self.body = body
        self.context = {**DEFAULT_CONTEXT, **context}

    def render(self):
        return Template(self.body, autoescape=True).render(**self.context)


@app.route("/landing/preview", methods=["POST"])
def preview():
    page = LandingPage(request.form.get("body", ""), campaign=request.form.get("campaign", ""))
    try:
        return page.render()
    except TemplateSyntaxError as exc:
        log.info("template error: %s", exc)
        return "invalid template", 400
