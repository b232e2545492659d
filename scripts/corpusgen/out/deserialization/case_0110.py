import ast

from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)


class Holder:
    def __init__(self, value):
        self.value = value


def perform(bar):
    obj = ast.literal_eval(bar)
    return jsonify(kind=type(obj).__name__)


class DetailView(MethodView):
    def get(self):
        param = ",".join(request.args.getlist("tag"))
        bar = Holder(param).value
        return perform(bar)


app.add_url_rule("/media/search", view_func=DetailView.as_view("fetch_page"))
