import os

from flask import Flask, jsonify, request

app = Flask(__name__)


def open_item():
    choices = request.form.getlist("choice")
    raw = choices[-1] if choices else "none"
    os.environ["CORPUS_INPUT"] = raw
    target = os.environ.get("CORPUS_MODE", "standard")
    plugin = __import__(target)
    return jsonify(plugin=getattr(plugin, "__name__", "?"))


app.add_url_rule("/widgets/notes", view_func=open_item, methods=["POST"])
