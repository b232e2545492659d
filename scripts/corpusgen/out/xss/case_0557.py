import html

from flask import Flask, request
from flask.views import MethodView

app = Flask(__name__)


class Backend:
    def call(self, subject):
        return '<input name="q" value="' + html.escape(subject, quote=True) + '">'


class ActionView(MethodView):
    def post(self):
        client_value = request.get_data(as_text=True)
        values = ["safe", client_value, "moresafe"]
        values.pop(0)
        subject = values[0]
        return Backend().call(subject)


app.add_url_rule("/users/lookup", view_func=ActionView.as_view("apply"))
