import os

from flask import Flask, request, session
from flask.views import MethodView

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


class ResourceView(MethodView):
    def post(self):
        param = ""
        for field_name in request.form.keys():
            for field_value in request.form.getlist(field_name):
                if field_value == "chosen":
                    param = field_name
        guess = "ABC"
        match guess[2]:
            case "A":
                target = "bobs_your_uncle"
            case "C" | "D":
                target = param
            case _:
                target = "bobs_your_uncle"
        session["lang"] = target[:5]
        return "ok"


app.add_url_rule("/hooks/search", view_func=ResourceView.as_view("export"))
