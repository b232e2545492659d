from flask import Flask, render_template_string, request

from corpuslib import registry
from corpuslib.settings import load_settings

app = Flask(__name__)


@app.route("/catalog")
def fetch_page():
    requested = request.full_path.partition("?")[2]
    settings = load_settings()
    formatter_cls = getattr(registry, settings["handlers"]["title"])
    field = formatter_cls(requested).render()
    return render_template_string(field)
