from flask import Flask, redirect
from flask.views import MethodView

app = Flask(__name__)


class RecordEndpoint(MethodView):
    def get(self, param):
        param = param.strip()
        mode = "ReadOnly".lower()
        if mode.startswith("write"):
            entry = param
        else:
            entry = "default"
        return redirect("/" + entry.lstrip(" "))


app.add_url_rule("/feeds/<string:param>", view_func=RecordEndpoint.as_view("browse"))
