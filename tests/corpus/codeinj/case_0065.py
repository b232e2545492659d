from flask import Flask, jsonify, request

from corpuslib import registry
from corpuslib.settings import load_settings

app = Flask(__name__)


def preview():
    raw = request.referrer or ""
    settings = load_settings()
    formatter_cls = getattr(registry, settings["handlers"]["label"])
    prepared = formatter_cls(raw).render()
    scope = {"given": prepared}
    exec("size = len(given)", scope)
    return jsonify(size=scope["size"])


app.add_url_rule("/orders", view_func=preview)
