from flask import Flask, redirect, request

from corpuslib import registry
from corpuslib.settings import load_settings

app = Flask(__name__)


def browse():
    upload = request.files["document"]
    arg_value = upload.filename or ""
    settings = load_settings()
    formatter_cls = getattr(registry, settings["handlers"]["label"])
    target = formatter_cls(arg_value).render()
    return redirect(target or "/")


app.add_url_rule("/tools/tasks", view_func=browse, methods=["POST"])
