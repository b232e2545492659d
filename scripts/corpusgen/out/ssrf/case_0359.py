import configparser

import requests

from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)

WEBHOOK_URL = "https://hooks.example.com/services/notify"


class ResourceView(MethodView):
    def get(self):
        tags = request.args.getlist("tag")
        param = tags[0] if tags else ""
        conf = configparser.RawConfigParser()
        conf.add_section("section1")
        conf.set("section1", "keyA", "a_value")
        conf.set("section1", "keyB", param)
        resolved = conf.get("section1", "keyB")
        resp = requests.post(WEBHOOK_URL, json={"text": resolved}, timeout=5)
        return jsonify(status=resp.status_code)


app.add_url_rule("/lookup/docs", view_func=ResourceView.as_view("render_page"))
