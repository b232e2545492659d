import os

from flask import Flask, Response, abort, request
from flask.views import MethodView

from corpuslib.text import normalize

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


class Action:
    def apply(self, subject):
        full = os.path.realpath(os.path.join(BASE_DIR, subject))
        if os.path.commonpath([full, BASE_DIR]) != BASE_DIR:
            abort(403)
        with open(full, "rb") as fh:
            return Response(fh.read(), mimetype="application/octet-stream")


class ResourceView(MethodView):
    def get(self):
        param = request.user_agent.string
        subject = normalize(param)
        return Action().apply(subject)


app.add_url_rule("/widgets/preview", view_func=ResourceView.as_view("fetch_page"))
