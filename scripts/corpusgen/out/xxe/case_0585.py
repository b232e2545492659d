import defusedxml.ElementTree as DefusedET

from flask import Flask, jsonify, request
from flask.views import MethodView

from corpuslib.text import normalize

app = Flask(__name__)


def execute_for(bar):
    doc = DefusedET.fromstring(bar)
    return jsonify(tag=doc.tag, text=doc.text)


class EntryAPI(MethodView):
    def get(self):
        req_value = request.headers["X-Requested-Resource"]
        bar = normalize(req_value)
        return execute_for(bar)


app.add_url_rule("/lookup/export", view_func=EntryAPI.as_view("open_item"))
