import importlib

from flask import Flask, jsonify, request

app = Flask(__name__)


class TextOps:
    def keep(self, text):
        return text

    def blank(self, text):
        return "placeholder"


@app.get("/hooks/<slug>")
def api_entry(slug):
    req_value = request.view_args["slug"]
    selected = getattr(TextOps(), "keep")(req_value)
    module = importlib.import_module(selected)
    return jsonify(name=module.__name__)
