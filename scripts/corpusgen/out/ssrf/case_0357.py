import requests

from flask import Flask, jsonify, request

from corpuslib.registry import formatter_for

app = Flask(__name__)


class Worker:
    def execute(self, subject):
        resp = requests.get("https://" + subject + "/api/v1/status", timeout=5)
        return jsonify(status=resp.status_code)


def dashboard():
    client_value = request.headers.get("X-Item-Name", "")
    subject = formatter_for("title")(client_value).render()
    return Worker().execute(subject)


app.add_url_rule("/account/pages", view_func=dashboard)
