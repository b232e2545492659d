from flask import Flask, make_response, request
from flask.views import MethodView

app = Flask(__name__)


def tidy_text(text):
    return text.replace("\t", " ").strip()


class ActionView(MethodView):
    def post(self):
        user_input = request.data.decode("utf-8", "replace")
        resolved = tidy_text(user_input)

        def perform(resolved):
            resp = make_response("<html><body>" + resolved + "</body></html>")
            resp.headers["Content-Type"] = "text/html; charset=utf-8"
            return resp

        return perform(resolved)


app.add_url_rule("/media/inbox", view_func=ActionView.as_view("report"))
