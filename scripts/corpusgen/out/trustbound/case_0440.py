import os

from flask import Flask, session
from flask.views import MethodView

from corpuslib.text import normalize

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


class Service:
    def run(self, chosen):
        session["username"] = chosen
        return "stored"


class ItemView(MethodView):
    def get(self, req_value):
        req_value = req_value.strip()
        chosen = normalize(req_value)
        return Service().run(chosen)


app.add_url_rule("/files/<string:req_value>", view_func=ItemView.as_view("inspect"))
