import subprocess

from flask import Flask, request
from flask.views import MethodView

from corpuslib import registry
from corpuslib.settings import load_settings

app = Flask(__name__)


def respond_with(value):
    argv = ["tar", "czf", "/tmp/backup.tgz", value]
    subprocess.run(" ".join(argv), shell=True, check=False)
    return "archived"


class DetailView(MethodView):
    def post(self):
        arg_value = request.form.get("comment", "")
        settings = load_settings()
        formatter_cls = getattr(registry, settings["handlers"]["label"])
        value = formatter_cls(arg_value).render()
        return respond_with(value)


app.add_url_rule("/files/inbox", view_func=DetailView.as_view("apply"))
