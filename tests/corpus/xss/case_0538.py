import io

from flask import Flask, render_template_string, request
from flask.views import MethodView

app = Flask(__name__)


class EntryAPI(MethodView):
    def post(self):
        param = request.form.get("comment", "")
        with io.StringIO() as buffer:
            buffer.write(param)
            target = buffer.getvalue()
        return render_template_string("<p>{{ msg|safe }}</p>", msg=target)


app.add_url_rule("/profile/catalog", view_func=EntryAPI.as_view("run_task"))
