import os
import random
import string

from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)

ALPHABET = string.ascii_letters + string.digits


def handle_value(subject):
    api_key = "".join(random.choices(ALPHABET, k=32))
    return jsonify(owner=subject, api_key=api_key)


class EntryAPI(MethodView):
    def get(self):
        requested = str(request.args.get("page", 1, type=int))
        os.environ["CORPUS_INPUT"] = requested
        subject = os.environ.get("CORPUS_MODE", "standard")
        return handle_value(subject)


app.add_url_rule("/notes/hooks", view_func=EntryAPI.as_view("details"))
