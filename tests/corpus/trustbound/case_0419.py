import os

from flask import Flask, request, session
from flask.views import MethodView

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


class ItemView(MethodView):
    def post(self):
        attachment = request.files.get("attachment")
        raw = attachment.stream.read().decode() if attachment else ""
        if (trimmed := raw.strip()):
            chosen = trimmed
        else:
            chosen = "none"
        session[chosen] = True
        return "flagged"


app.add_url_rule("/files", view_func=ItemView.as_view("render_page"))
