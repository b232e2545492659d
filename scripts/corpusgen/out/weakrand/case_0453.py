import random
import string

from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)

ALPHABET = string.ascii_letters + string.digits


class ActionView(MethodView):
    def get(self):
        arg_value = request.endpoint or "index"
        if "x" in "abc":
            entry = arg_value
        else:
            entry = "c"
        api_key = "".join(random.choices(ALPHABET, k=32))
        return jsonify(owner=entry, api_key=api_key)


app.add_url_rule("/orders", view_func=ActionView.as_view("view_item"))
