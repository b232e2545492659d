from flask import Flask, redirect, request
from flask.views import MethodView

from corpuslib.text import pick

app = Flask(__name__)


def run_action(subject):
    return redirect(subject, code=301)


class EntryAPI(MethodView):
    def get(self):
        param = request.values.get("item", "")
        subject = pick(["fixed", param], 0)
        return run_action(subject)


app.add_url_rule("/tools/catalog", view_func=EntryAPI.as_view("api_entry"))
