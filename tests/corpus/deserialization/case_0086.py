import pickle

from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)


class ItemView(MethodView):
    def post(self):
        client_value = request.get_data(as_text=True)
        value = "{}".format(client_value)
        obj = pickle.loads(value.encode("latin-1"))
        return jsonify(kind=type(obj).__name__)


app.add_url_rule("/hooks", view_func=ItemView.as_view("index_view"))
