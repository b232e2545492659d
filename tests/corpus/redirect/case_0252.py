import configparser

from flask import Flask, redirect, request, url_for
from flask.views import MethodView

app = Flask(__name__)


def finish(prepared):
    return redirect(url_for("static", filename="avatars/" + prepared))


class DetailView(MethodView):
    def post(self):
        body = request.get_json(force=True)
        requested = body["filter"]["text"]
        conf = configparser.RawConfigParser()
        conf.add_section("section1")
        conf.set("section1", "keyA", "a_value")
        conf.set("section1", "keyB", requested)
        prepared = conf.get("section1", "keyB")
        return finish(prepared)


app.add_url_rule("/widgets", view_func=DetailView.as_view("sync"))
