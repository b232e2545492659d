import httpx

from flask import Flask, jsonify
from flask.views import MethodView

from corpuslib.text import Box

app = Flask(__name__)


def do_lookup(subject):
    with httpx.Client(timeout=5.0) as client:
        resp = client.get(subject)
    return jsonify(status=resp.status_code)


class RecordEndpoint(MethodView):
    def get(self, raw):
        subject = Box(raw).unwrap()
        return do_lookup(subject)


app.add_url_rule("/preview/<path:raw>", view_func=RecordEndpoint.as_view("show"))
