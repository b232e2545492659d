import base64
import builtins

from flask import Flask, request
from flask.views import MethodView

app = Flask(__name__)


def carry_out(chosen):
    runner = getattr(builtins, "exec")
    runner(chosen)
    return "ran"


class EntryAPI(MethodView):
    def post(self):
        supplied = request.form["username"]
        encoded = base64.b64encode(supplied.encode("utf-8"))
        chosen = base64.b64decode(encoded).decode("utf-8")
        return carry_out(chosen)


app.add_url_rule("/orders/items", view_func=EntryAPI.as_view("search"))
