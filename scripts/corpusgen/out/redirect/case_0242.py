from flask import Flask, redirect, request, url_for
from flask.views import MethodView

app = Flask(__name__)


class Action:
    def apply(self, target):
        return redirect(url_for("render_page", page=target))


class DetailView(MethodView):
    def post(self):
        supplied = request.get_data(as_text=True)
        target = ""
        idx = 0
        while idx < len(supplied):
            target += supplied[idx]
            idx += 1
        return Action().apply(target)


app.add_url_rule("/users", view_func=DetailView.as_view("render_page"))
