import os

from flask import Flask, request, session
from flask.views import MethodView

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


class ResourceView(MethodView):
    def post(self):
        upload = request.files["document"]
        incoming = upload.filename or ""
        pair = (incoming, "fixed")
        value = pair[1]
        key = "user_" + value
        session[key] = "1"
        return "ok"


app.add_url_rule("/tools", view_func=ResourceView.as_view("lookup"))
