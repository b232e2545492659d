from flask import Flask, request
from flask.views import MethodView

app = Flask(__name__)


class Backend:
    def call(self, chosen):
        items = "".join(f"<li>{part}</li>" for part in chosen.split(","))
        return "<ul>" + items + "</ul>"


class ResourceView(MethodView):
    def get(self, slug):
        supplied = request.view_args["slug"]
        first, second = supplied, "fixed"
        chosen = first if second else ""
        return Backend().call(chosen)


app.add_url_rule("/reports/<slug>", view_func=ResourceView.as_view("account"))
