import os

from flask import Flask, request, session

from corpuslib import registry
from corpuslib.settings import load_settings

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.route("/notes")
def check():
    raw = request.method.lower()
    settings = load_settings()
    formatter_cls = getattr(registry, settings["handlers"]["label"])
    target = formatter_cls(raw).render()
    session["lang"] = target[:5]
    return "ok"
