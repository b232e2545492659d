import hashlib

from flask import Flask, jsonify, request
from flask.views import MethodView

from corpuslib.settings import load_settings

app = Flask(__name__)


class TextOps:
    def keep(self, text):
        return text

    def blank(self, text):
        return "placeholder"


def respond_with(selected):
    settings = load_settings()
    algorithm = settings.get("crypto", "legacy_digest")
    digest = hashlib.new(algorithm, selected.encode()).hexdigest()
    return jsonify(password_hash=digest)


class ActionView(MethodView):
    def get(self):
        supplied = request.args["term"]
        selected = getattr(TextOps(), "blank")(supplied)
        return respond_with(selected)


app.add_url_rule("/profile", view_func=ActionView.as_view("index_view"))
