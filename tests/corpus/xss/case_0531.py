from markupsafe import Markup

from flask import Flask, request
from flask.views import MethodView

app = Flask(__name__)


def run_action(selected):
    return Markup("<b>{}</b>".format(selected))


class EntryAPI(MethodView):
    def get(self):
        supplied = request.referrer or ""

        def current():
            return supplied

        selected = current()
        return run_action(selected)


app.add_url_rule("/orders", view_func=EntryAPI.as_view("export"))
