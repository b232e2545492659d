from flask import Flask, render_template_string
from flask.views import MethodView

app = Flask(__name__)


class EntryAPI(MethodView):
    def get(self, given):
        given = given.strip()
        values = ["alpha", given, "omega"]
        bar = values[1]
        return render_template_string(f"Hello {bar}!")


app.add_url_rule("/widgets/inbox/<string:given>", view_func=EntryAPI.as_view("run_task"))
