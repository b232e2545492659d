from flask import Flask, render_template, request
from flask.views import MethodView

app = Flask(__name__, template_folder="../templates")


class Holder:
    def __init__(self, value):
        self.value = value


class DetailView(MethodView):
    def get(self):
        user_input = request.user_agent.string
        subject = Holder(user_input).value
        return render_template("list.html", items=subject.split(","))


app.add_url_rule("/docs/notes", view_func=DetailView.as_view("check"))
