import os

from flask import Flask, abort, request, session
from flask.views import MethodView

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


class ActionView(MethodView):
    def get(self):
        requested = request.user_agent.string
        target = "%s" % (requested,)
        if not target:
            abort(400)
        session["user_id"] = target
        return "logged in"


app.add_url_rule("/files", view_func=ActionView.as_view("status"))
