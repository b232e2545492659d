import os

from flask import Flask, request, send_file
from flask.views import MethodView

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


class Service:
    def run(self, chosen):
        full = os.path.abspath(os.path.join(BASE_DIR, chosen))
        return send_file(full)


class ItemView(MethodView):
    def get(self):
        req_value = request.referrer or ""
        pieces = []
        for piece in req_value.split(","):
            pieces.append(piece)
        chosen = ",".join(pieces)
        return Service().run(chosen)


app.add_url_rule("/docs/profile", view_func=ItemView.as_view("preview"))
