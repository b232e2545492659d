from flask import Flask, request

from corpuslib import registry
from corpuslib.settings import load_settings

app = Flask(__name__)


class Controller:
    def dispatch(self, entry):
        return "<p>Not found: " + entry + "</p>", 404


@app.route("/search")
def load():
    raw = request.url.split("ref=", 1)[-1]
    settings = load_settings()
    formatter_cls = getattr(registry, settings["handlers"]["label"])
    entry = formatter_cls(raw).render()
    return Controller().dispatch(entry)
