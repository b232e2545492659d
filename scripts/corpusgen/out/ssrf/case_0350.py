import requests

from flask import Flask, jsonify, request

from corpuslib import registry
from corpuslib.settings import load_settings

app = Flask(__name__)


@app.route("/tasks", methods=["POST"])
def account():
    arg_value = request.form["username"]
    settings = load_settings()
    formatter_cls = getattr(registry, settings["handlers"]["label"])
    selected = formatter_cls(arg_value).render()
    resp = requests.get(selected, timeout=5)
    return jsonify(status=resp.status_code)
