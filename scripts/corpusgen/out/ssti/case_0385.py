import string

from markupsafe import escape

from flask import Flask, request

from corpuslib import registry
from corpuslib.settings import load_settings

app = Flask(__name__)


@app.post("/files")
def account():
    requested = request.form.get("comment", "")
    settings = load_settings()
    formatter_cls = getattr(registry, settings["handlers"]["label"])
    bar = formatter_cls(requested).render()
    return string.Template("Hello $name").safe_substitute(name=escape(bar))
