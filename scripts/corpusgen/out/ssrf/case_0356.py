import base64
import urllib.request

from flask import Flask, Response
from flask.views import MethodView

app = Flask(__name__)


class ItemView(MethodView):
    def get(self, supplied):
        supplied = supplied.strip()
        encoded = base64.b64encode(supplied.encode("utf-8"))
        chosen = base64.b64decode(encoded).decode("utf-8")
        with urllib.request.urlopen(chosen, timeout=5) as remote:
            body = remote.read(2048)
        return Response(body, mimetype="text/plain")


app.add_url_rule("/status/admin/<string:supplied>", view_func=ItemView.as_view("inspect"))
