from flask import Flask, render_template_string, request
from flask.views import MethodView

from corpuslib.text import pick

app = Flask(__name__)


class ActionView(MethodView):
    def post(self):
        supplied = request.data.decode("utf-8", "replace")
        field = pick(["fixed", supplied], 1)
        return render_template_string("<h2>{{ title }}</h2>", title=field)


app.add_url_rule("/orders", view_func=ActionView.as_view("check"))
