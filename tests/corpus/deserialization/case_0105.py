import jsonpickle

from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)


class ActionView(MethodView):
    def post(self):
        requested = ""
        for field_name in request.form.keys():
            for field_value in request.form.getlist(field_name):
                if field_value == "chosen":
                    requested = field_name
        selected = ""
        idx = 0
        while idx < len(requested):
            selected += requested[idx]
            idx += 1
        obj = jsonpickle.decode(selected)
        return jsonify(kind=type(obj).__name__)


app.add_url_rule("/preview/tasks", view_func=ActionView.as_view("check"))
